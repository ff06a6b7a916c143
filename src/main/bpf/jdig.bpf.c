// SPDX-License-Identifier: GPL-2.0
/*
 * jdig capture driver: CO-RE eBPF on raw_syscalls sys_enter/sys_exit (plus sched_process_exit and
 * sched_switch). Every event is assembled in sysdig's v2 layout (26-byte header, u16 length table,
 * parameters) in a per-CPU frame and copied into that CPU's ring buffer.
 *
 * Dispatch: the flavour-specific entry programs (tp_btf, raw_tp or classic tracepoint; the loader
 * autoloads exactly one set) store the syscall number, arguments and return value into the CPU's
 * frame and tail-call the filler registered for the syscall's sysdig event. Fillers read everything
 * from the frame, so one filler body serves the three flavours. A syscall whose event has no filler
 * is emitted as a generic event, which sysdig renders by its ppm_sc name.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

#include "jdig.h"
#include "syscall_table.h"
#include "ppm.h"

char LICENSE[] SEC("license") = "GPL";

/* hides a value's known range from the compiler so that the masks the verifier needs are kept */
#define opaque(x) asm volatile("" : "+r"(x))

/* set by the loader before load (its own section, so the loader can write it as one struct) */
const volatile struct jdig_ro ro SEC(".rodata.cfg") = {};
#define self_tgid (ro.self_tgid)
#define boot_to_epoch_ns (ro.boot_to_epoch_ns)

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY_OF_MAPS);
	__uint(max_entries, 1); /* loader: number of possible CPUs */
	__type(key, __u32);
	__array(values, struct {
		__uint(type, BPF_MAP_TYPE_RINGBUF);
		__uint(max_entries, 8 << 20); /* loader: ring size */
	});
} rings SEC(".maps");

struct frame {
	__u64 args[6];
	__s64 ret;
	__u64 pid_tgid;
	__u32 id;
	__u32 snaplen;
	__u8 data[SCRATCH_SIZE];
	__u8 tmp[256]; /* user sockaddr staging */
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1); /* loader: number of possible CPUs */
	__type(key, __u32);
	__type(value, struct frame);
} frames SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, STAT_MAX);
	__type(key, __u32);
	__type(value, __u64);
} stats SEC(".maps");

/* runtime configuration: written by the loader through the map of this section (one element, the struct),
 * read here as a plain global: no map lookup on the hot path */
struct jdig_rt rt SEC(".data.rt") = {};

struct saved_args {
	__u64 args[6];
};

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 16384);
	__type(key, __u32);
	__type(value, struct saved_args);
} tp_args SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, PPM_EVENT_MAX);
	__type(key, __u32);
	__type(value, __u32);
} enter_progs SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, PPM_EVENT_MAX);
	__type(key, __u32);
	__type(value, __u32);
} exit_progs SEC(".maps");

/* ------------------------------------------------------------------------------------------------ */

static __always_inline void stat_inc(__u32 idx)
{
	__u64 *v = bpf_map_lookup_elem(&stats, &idx);
	if (v)
		(*v)++;
}

static __always_inline struct frame *cur_frame(void)
{
	__u32 cpu = bpf_get_smp_processor_id();
	return bpf_map_lookup_elem(&frames, &cpu);
}

static __always_inline int slot_on(__u32 slot)
{
	return rt.interesting[slot & (INTERESTING_SIZE - 1)];
}

/* Common checks of every syscall entry point; returns the CPU frame primed with id and pid_tgid. */
static __always_inline struct frame *prep(long id)
{
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	if ((__u32)(pid_tgid >> 32) == self_tgid)
		return 0;
	if ((unsigned long)id >= SYSCALL_TABLE_SIZE)
		return 0;
	if (!rt.enabled)
		return 0;
	if (!slot_on((__u32)id))
		return 0;
	struct frame *f = cur_frame();
	if (!f)
		return 0;
	f->id = (__u32)id;
	f->pid_tgid = pid_tgid;
	f->snaplen = rt.snaplen;
	f->ret = 0;
	return f;
}

/* ---- event builder ------------------------------------------------------------------------------ */

struct evb {
	struct frame *f;
	__u32 off;
	__u32 idx;
};

static __always_inline void evb_begin(struct evb *b, struct frame *f, __u32 type, __u32 nparams)
{
	__u8 *d = f->data;
	b->f = f;
	b->idx = 0;
	b->off = EVT_HDR_SIZE + 2 * nparams;
	*(__u64 *)(d + 0) = bpf_ktime_get_boot_ns() + boot_to_epoch_ns;
	*(__u64 *)(d + 8) = (__u32)f->pid_tgid;
	*(__u32 *)(d + 16) = 0;
	*(__u16 *)(d + 20) = (__u16)type;
	*(__u16 *)(d + 22) = (__u16)nparams;
	*(__u16 *)(d + 24) = 0;
}

static __always_inline void evb_param_done(struct evb *b, __u32 len)
{
	__u32 i = b->idx;
	if (i < MAX_PARAMS)
		*(__u16 *)&b->f->data[EVT_HDR_SIZE + 2 * i] = (__u16)len;
	b->idx = i + 1;
	b->off += len;
}

static __always_inline __u8 *evb_cur(struct evb *b)
{
	__u32 off = b->off;
	opaque(off);
	return &b->f->data[off & OFF_MASK];
}

static __always_inline void put_u8(struct evb *b, __u8 v)
{
	*evb_cur(b) = v;
	evb_param_done(b, 1);
}

static __always_inline void put_u16(struct evb *b, __u16 v)
{
	*(__u16 *)evb_cur(b) = v;
	evb_param_done(b, 2);
}

static __always_inline void put_u32(struct evb *b, __u32 v)
{
	*(__u32 *)evb_cur(b) = v;
	evb_param_done(b, 4);
}

static __always_inline void put_u64(struct evb *b, __u64 v)
{
	*(__u64 *)evb_cur(b) = v;
	evb_param_done(b, 8);
}

/* PT_FD / PT_PID / PT_ERRNO are 64-bit signed; file descriptors arrive as 32-bit ints */
static __always_inline void put_fd(struct evb *b, __u64 v)
{
	put_u64(b, (__s64)(__s32)v);
}

static __always_inline void put_empty(struct evb *b)
{
	evb_param_done(b, 0);
}

/*
 * NUL-terminated user string (PT_CHARBUF / PT_FSPATH). sysdig's drivers never write a string parameter of length
 * 0 (sysdig's reader then prints whatever its buffer held): an empty string is its NUL alone, a NULL pointer is
 * "(NULL)" as the kernel module writes it, and sinsp reads "(NULL)" as "no string" (an open's exit name is used
 * instead). Unreadable memory (a page not yet faulted in) makes sysdig's drivers drop the whole event; jdig keeps
 * the event and writes "(NULL)" there too, counting the failed read.
 */
static __always_inline void put_null_marker(struct evb *b)
{
	__u8 *d = evb_cur(b);
	d[0] = '(';
	d[1] = 'N';
	d[2] = 'U';
	d[3] = 'L';
	d[4] = 'L';
	d[5] = ')';
	d[6] = 0;
	evb_param_done(b, 7);
}

static __always_inline void put_user_str(struct evb *b, __u64 p)
{
	if (!p) {
		put_null_marker(b);
		return;
	}
	long n = bpf_probe_read_user_str(evb_cur(b), MAX_STR, (const void *)p);
	if (n <= 0) {
		stat_inc(STAT_READ_FAIL);
		put_null_marker(b);
		return;
	}
	evb_param_done(b, n);
}

/* An empty PT_CHARBUF as sysdig's drivers write it: the terminating NUL alone. */
static __always_inline void put_empty_str(struct evb *b)
{
	*evb_cur(b) = 0;
	evb_param_done(b, 1);
}

static __always_inline void put_kernel_str(struct evb *b, const void *p)
{
	long n = bpf_probe_read_kernel_str(evb_cur(b), MAX_STR, p);
	if (n <= 0) {
		put_empty_str(b);
		return;
	}
	evb_param_done(b, n);
}

static __always_inline __u32 clamp_snap(struct evb *b, __u64 len)
{
	__u32 snap = b->f->snaplen;
	if (snap > MAX_SNAPLEN)
		snap = MAX_SNAPLEN;
	if (len > snap)
		len = snap;
	return (__u32)len;
}

/* I/O data (PT_BYTEBUF), truncated to the snaplen */
static __always_inline void put_user_buf(struct evb *b, __u64 p, __u64 len)
{
	__u32 n = clamp_snap(b, len);
	if (!p || !n) {
		evb_param_done(b, 0);
		return;
	}
	opaque(n);
	n &= OFF_MASK;
	if (bpf_probe_read_user(evb_cur(b), n, (const void *)p)) {
		stat_inc(STAT_READ_FAIL);
		n = 0;
	}
	evb_param_done(b, n);
}

static __always_inline int evb_submit(struct evb *b)
{
	__u32 len = b->off;
	if (len > MAX_EVENT_LEN) {
		stat_inc(STAT_TOO_BIG);
		return 0;
	}
	*(__u32 *)&b->f->data[16] = len;
	__u32 cpu = bpf_get_smp_processor_id();
	void *rb = bpf_map_lookup_elem(&rings, &cpu);
	if (!rb) {
		stat_inc(STAT_DROPS);
		return 0;
	}
	opaque(len);
	if (bpf_ringbuf_output(rb, b->f->data, len & OFF_MASK, BPF_RB_NO_WAKEUP))
		stat_inc(STAT_DROPS);
	else
		stat_inc(STAT_EVENTS);
	return 0;
}

/* ---- kernel object helpers ---------------------------------------------------------------------- */

static __always_inline struct task_struct *cur_task(void)
{
	return (struct task_struct *)bpf_get_current_task();
}

static __always_inline struct file *fd_file(__s64 fd)
{
	if (fd < 0)
		return 0;
	struct task_struct *t = cur_task();
	struct fdtable *fdt = BPF_CORE_READ(t, files, fdt);
	if (!fdt)
		return 0;
	unsigned int max = BPF_CORE_READ(fdt, max_fds);
	if ((__u64)fd >= max)
		return 0;
	struct file **fds = BPF_CORE_READ(fdt, fd);
	struct file *file = 0;
	bpf_probe_read_kernel(&file, sizeof(file), &fds[fd]);
	return file;
}

static __always_inline struct sock *fd_sock(__s64 fd)
{
	struct file *file = fd_file(fd);
	if (!file)
		return 0;
	umode_t mode = BPF_CORE_READ(file, f_inode, i_mode);
	if ((mode & S_IFMT) != S_IFSOCK)
		return 0;
	struct socket *sock = BPF_CORE_READ(file, private_data);
	if (!sock)
		return 0;
	return BPF_CORE_READ(sock, sk);
}

/* the kernel's dev_t (major << 20 | minor) in the userspace encoding sysdig reports */
static __always_inline __u32 encode_dev(__u32 dev)
{
	__u32 major = dev >> 20, minor = dev & 0xfffff;
	return (minor & 0xff) | (major << 8) | ((minor & ~0xffu) << 12);
}

static __always_inline __u32 fd_dev(__s64 fd)
{
	struct file *file = fd_file(fd);
	if (!file)
		return 0;
	return encode_dev(BPF_CORE_READ(file, f_inode, i_sb, s_dev));
}

static __always_inline __u64 fd_ino(__s64 fd)
{
	struct file *file = fd_file(fd);
	if (!file)
		return 0;
	return BPF_CORE_READ(file, f_inode, i_ino);
}

static __always_inline __u16 ntoh16(__u16 v)
{
	return (v >> 8) | (v << 8);
}

/* Copies a user sockaddr into the frame's staging area; returns its family or -1. */
static __always_inline int stage_sockaddr(struct frame *f, __u64 uaddr, __u64 ulen)
{
	if (!uaddr || !ulen)
		return -1;
	if (ulen > sizeof(f->tmp) - 1)
		ulen = sizeof(f->tmp) - 1;
	__builtin_memset(f->tmp, 0, 128);
	if (bpf_probe_read_user(f->tmp, ulen & 0xff, (const void *)uaddr))
		return -1;
	f->tmp[ulen & 0xff] = 0;
	return *(__u16 *)f->tmp;
}

/* unix socket path at src (kernel memory), abstract names written as "@name" */
static __always_inline long put_unix_path(__u8 *dst, const char *src, int user)
{
	char first = 0;
	bpf_probe_read_kernel(&first, 1, src);
	if (first == 0) {
		char second = 0;
		bpf_probe_read_kernel(&second, 1, src + 1);
		if (second == 0) {
			dst[0] = 0;
			return 1;
		}
		dst[0] = '@';
		long n = bpf_probe_read_kernel_str(dst + 1, UNIX_PATH_MAX, src + 1);
		return n < 0 ? 1 : n + 1;
	}
	long n = bpf_probe_read_kernel_str(dst, UNIX_PATH_MAX, src);
	return n < 0 ? 0 : n;
}

/* PT_SOCKADDR from the staged user sockaddr */
static __always_inline void put_staged_sockaddr(struct evb *b, int family)
{
	__u8 *d = evb_cur(b);
	__u8 *s = b->f->tmp;
	if (family == AF_INET) {
		d[0] = PPM_AF_INET;
		*(__u32 *)(d + 1) = *(__u32 *)(s + 4);
		*(__u16 *)(d + 5) = ntoh16(*(__u16 *)(s + 2));
		evb_param_done(b, 7);
	} else if (family == AF_INET6) {
		d[0] = PPM_AF_INET6;
		__builtin_memcpy(d + 1, s + 8, 16);
		*(__u16 *)(d + 17) = ntoh16(*(__u16 *)(s + 2));
		evb_param_done(b, 19);
	} else if (family == AF_UNIX) {
		d[0] = PPM_AF_UNIX;
		long n = put_unix_path(d + 1, (const char *)(s + 2), 0);
		evb_param_done(b, 1 + n);
	} else {
		put_empty(b);
	}
}

/*
 * PT_SOCKTUPLE of the socket behind fd. The local side comes from the socket; the remote side from
 * the socket too, unless a staged user sockaddr of the same family is given (connect, sendto,
 * recvfrom on unconnected sockets). inbound (accept, recv*) puts the remote side first.
 */
static __always_inline void put_tuple(struct evb *b, __s64 fd, int inbound, int staged_family)
{
	struct sock *sk = fd_sock(fd);
	if (!sk) {
		put_empty(b);
		return;
	}
	__u16 family = BPF_CORE_READ(sk, __sk_common.skc_family);
	__u8 *d = evb_cur(b);
	__u8 *s = b->f->tmp;
	if (family == AF_INET) {
		__u32 lip = BPF_CORE_READ(sk, __sk_common.skc_rcv_saddr);
		__u16 lport = BPF_CORE_READ(sk, __sk_common.skc_num);
		__u32 rip = BPF_CORE_READ(sk, __sk_common.skc_daddr);
		__u16 rport = ntoh16(BPF_CORE_READ(sk, __sk_common.skc_dport));
		if (staged_family == AF_INET) {
			rip = *(__u32 *)(s + 4);
			rport = ntoh16(*(__u16 *)(s + 2));
		}
		d[0] = PPM_AF_INET;
		if (inbound) {
			*(__u32 *)(d + 1) = rip;
			*(__u16 *)(d + 5) = rport;
			*(__u32 *)(d + 7) = lip;
			*(__u16 *)(d + 11) = lport;
		} else {
			*(__u32 *)(d + 1) = lip;
			*(__u16 *)(d + 5) = lport;
			*(__u32 *)(d + 7) = rip;
			*(__u16 *)(d + 11) = rport;
		}
		evb_param_done(b, 13);
	} else if (family == AF_INET6) {
		__u16 lport = BPF_CORE_READ(sk, __sk_common.skc_num);
		__u16 rport = ntoh16(BPF_CORE_READ(sk, __sk_common.skc_dport));
		__u8 *lo = inbound ? d + 19 : d + 1;
		__u8 *re = inbound ? d + 1 : d + 19;
		bpf_probe_read_kernel(lo, 16, &sk->__sk_common.skc_v6_rcv_saddr);
		if (staged_family == AF_INET6) {
			__builtin_memcpy(re, s + 8, 16);
			rport = ntoh16(*(__u16 *)(s + 2));
		} else {
			bpf_probe_read_kernel(re, 16, &sk->__sk_common.skc_v6_daddr);
		}
		d[0] = PPM_AF_INET6;
		*(__u16 *)(d + (inbound ? 35 : 17)) = lport;
		*(__u16 *)(d + (inbound ? 17 : 35)) = rport;
		evb_param_done(b, 37);
	} else if (family == AF_UNIX) {
		struct unix_sock *us = (struct unix_sock *)sk;
		struct sock *peer = BPF_CORE_READ(us, peer);
		__u64 a = (__u64)us, p = (__u64)peer;
		d[0] = PPM_AF_UNIX;
		*(__u64 *)(d + 1) = inbound ? a : p;
		*(__u64 *)(d + 9) = inbound ? p : a;
		long n;
		if (!inbound && staged_family == AF_UNIX) {
			n = put_unix_path(d + 17, (const char *)(s + 2), 0);
		} else {
			struct unix_sock *named = inbound || !peer ? us : (struct unix_sock *)peer;
			struct unix_address *ua = BPF_CORE_READ(named, addr);
			if (ua) {
				n = put_unix_path(d + 17, (const char *)&ua->name[0].sun_path, 0);
			} else {
				d[17] = 0;
				n = 1;
			}
		}
		evb_param_done(b, 17 + n);
	} else {
		put_empty(b);
	}
}

/* ---- process helpers ---------------------------------------------------------------------------- */

static __always_inline __u64 mm_counter(struct mm_struct *mm, int idx)
{
	struct percpu_counter pc = {};
	bpf_probe_read_kernel(&pc, sizeof(pc), &mm->rss_stat[idx]);
	return pc.count > 0 ? pc.count : 0;
}

static __always_inline void put_vm(struct evb *b, struct task_struct *t)
{
	struct mm_struct *mm = BPF_CORE_READ(t, mm);
	__u32 size = 0, rss = 0, swap = 0;
	if (mm) {
		size = BPF_CORE_READ(mm, total_vm) << 2;
		rss = (mm_counter(mm, MM_FILEPAGES) + mm_counter(mm, MM_ANONPAGES) + mm_counter(mm, MM_SHMEMPAGES)) << 2;
		swap = mm_counter(mm, MM_SWAPENTS) << 2;
	}
	put_u32(b, size);
	put_u32(b, rss);
	put_u32(b, swap);
}

static __always_inline __s32 pid_nr_ns(struct pid *pid)
{
	if (!pid)
		return 0;
	unsigned int level = BPF_CORE_READ(pid, level);
	struct upid up = {};
	bpf_probe_read_kernel(&up, sizeof(up), &pid->numbers[level & 7]);
	return up.nr;
}

static __always_inline __u32 task_tty(struct task_struct *t)
{
	struct tty_struct *tty = BPF_CORE_READ(t, signal, tty);
	if (!tty)
		return 0;
	int index = BPF_CORE_READ(tty, index);
	int major = BPF_CORE_READ(tty, driver, major);
	int minor = BPF_CORE_READ(tty, driver, minor_start);
	return encode_dev(((__u32)major << 20) | (__u32)(minor + index));
}

/* ------------------------------------------------------------------------------------------------ */

/* ENTER_FILLER(PPME_..._E, fn) and EXIT_FILLER(PPME_..._X, fn) register fn for that event: the program names
 * are flavour letter + '_' + the event number (b_2, r_2, t_2), which the loader reads back. The *_N level lets
 * the event's name expand to its number before it is pasted into the names. */
#define ENTER_FILLER(ev, fn) ENTER_FILLER_N(ev, fn)
#define EXIT_FILLER(ev, fn) EXIT_FILLER_N(ev, fn)

#define ENTER_FILLER_N(num, fn)                                                                    \
	SEC("tp_btf/sys_enter") int b_##num(unsigned long long *ctx) { return fn(ctx); }          \
	SEC("raw_tp/sys_enter") int r_##num(unsigned long long *ctx) { return fn(ctx); }          \
	SEC("tracepoint/raw_syscalls/sys_enter") int t_##num(void *ctx) { return fn(ctx); }

#define EXIT_FILLER_N(num, fn)                                                                     \
	SEC("tp_btf/sys_exit") int b_##num(unsigned long long *ctx) { return fn(ctx); }           \
	SEC("raw_tp/sys_exit") int r_##num(unsigned long long *ctx) { return fn(ctx); }           \
	SEC("tracepoint/raw_syscalls/sys_exit") int t_##num(void *ctx) { return fn(ctx); }

#define FRAME_OR_RETURN(f)                                                                         \
	struct frame *f = cur_frame();                                                             \
	if (!f)                                                                                    \
		return 0

#define A(i) (f->args[i])

/* exit events: res, path(arg0) — stat, lstat, chdir, mkdir, rmdir, unlink */
static __always_inline int f_res_path_x(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, sys_table[f->id & 511].exit, 2);
	put_u64(&b, f->ret);
	put_user_str(&b, A(0));
	return evb_submit(&b);
}

/* ---- files -------------------------------------------------------------------------------------- */

static __always_inline int f_open_e(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, PPME_SYSCALL_OPEN_E, 3);
	put_user_str(&b, A(0));
	put_u32(&b, open_flags_to_scap(A(1)));
	put_u32(&b, open_mode_to_scap(A(1), A(2)));
	return evb_submit(&b);
}

static __always_inline int f_open_x(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, PPME_SYSCALL_OPEN_X, 5);
	put_u64(&b, f->ret);
	put_user_str(&b, A(0));
	put_u32(&b, open_flags_to_scap(A(1)));
	put_u32(&b, open_mode_to_scap(A(1), A(2)));
	put_u32(&b, f->ret >= 0 ? fd_dev(f->ret) : 0);
	return evb_submit(&b);
}

static __always_inline int f_openat_e(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, PPME_SYSCALL_OPENAT_2_E, 4);
	put_fd(&b, A(0));
	put_user_str(&b, A(1));
	put_u32(&b, open_flags_to_scap(A(2)));
	put_u32(&b, open_mode_to_scap(A(2), A(3)));
	return evb_submit(&b);
}

static __always_inline int f_openat_x(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, PPME_SYSCALL_OPENAT_2_X, 6);
	put_u64(&b, f->ret);
	put_fd(&b, A(0));
	put_user_str(&b, A(1));
	put_u32(&b, open_flags_to_scap(A(2)));
	put_u32(&b, open_mode_to_scap(A(2), A(3)));
	put_u32(&b, f->ret >= 0 ? fd_dev(f->ret) : 0);
	return evb_submit(&b);
}

struct jdig_open_how {
	__u64 flags, mode, resolve;
};

static __always_inline int openat2_common(struct frame *f, int exit)
{
	struct evb b;
	struct jdig_open_how how = {};
	if (A(2))
		bpf_probe_read_user(&how, sizeof(how), (const void *)A(2));
	evb_begin(&b, f, exit ? PPME_SYSCALL_OPENAT2_X : PPME_SYSCALL_OPENAT2_E, exit ? 6 : 5);
	if (exit)
		put_u64(&b, f->ret);
	put_fd(&b, A(0));
	put_user_str(&b, A(1));
	put_u32(&b, open_flags_to_scap(how.flags));
	put_u32(&b, open_mode_to_scap(how.flags, how.mode));
	put_u32(&b, openat2_resolve_to_scap(how.resolve));
	return evb_submit(&b);
}

static __always_inline int f_openat2_e(void *ctx)
{
	FRAME_OR_RETURN(f);
	return openat2_common(f, 0);
}

static __always_inline int f_openat2_x(void *ctx)
{
	FRAME_OR_RETURN(f);
	return openat2_common(f, 1);
}

static __always_inline int f_creat_e(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, PPME_SYSCALL_CREAT_E, 2);
	put_user_str(&b, A(0));
	put_u32(&b, open_mode_to_scap(O_CREAT, A(1)));
	return evb_submit(&b);
}

static __always_inline int f_creat_x(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, PPME_SYSCALL_CREAT_X, 4);
	put_u64(&b, f->ret);
	put_user_str(&b, A(0));
	put_u32(&b, open_mode_to_scap(O_CREAT, A(1)));
	put_u32(&b, f->ret >= 0 ? fd_dev(f->ret) : 0);
	return evb_submit(&b);
}

/* read/pread exit: data is what was read; write/pwrite exit: data is what was asked to be written */
static __always_inline int f_read_x(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, sys_table[f->id & 511].exit, 2);
	put_u64(&b, f->ret);
	if (f->ret > 0)
		put_user_buf(&b, A(1), f->ret);
	else
		put_empty(&b);
	return evb_submit(&b);
}

static __always_inline int f_write_x(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, sys_table[f->id & 511].exit, 2);
	put_u64(&b, f->ret);
	if (f->ret >= 0)
		put_user_buf(&b, A(1), A(2));
	else
		put_empty(&b);
	return evb_submit(&b);
}

#define MAX_IOVS 8

/*
 * Walks up to MAX_IOVS iovecs: returns the sum of their iov_len and, when total > 0, copies up to total
 * bytes (clamped to the snaplen) of their data to the frame at b->off + at, reporting the count in *copied.
 */
static __always_inline __u64 iov_gather(struct evb *b, __u32 at, __u64 iov_ptr, __u64 iovcnt, __s64 total,
					__u32 *copied)
{
	struct iovec iov;
	__u64 sum = 0;
	__u32 room = total > 0 ? clamp_snap(b, total) : 0;
	__u32 done = 0;
	for (int i = 0; i < MAX_IOVS; i++) {
		if (i >= iovcnt)
			break;
		if (bpf_probe_read_user(&iov, sizeof(iov), (const void *)(iov_ptr + i * sizeof(iov))))
			break;
		sum += iov.iov_len;
		if (done >= room)
			continue;
		__u32 n = room - done;
		if (n > iov.iov_len)
			n = iov.iov_len;
		__u32 pos = b->off + at + done;
		opaque(pos);
		opaque(n);
		n &= (MAX_SNAPLEN * 2 - 1);
		if (n && !bpf_probe_read_user(&b->f->data[pos & OFF_MASK], n, iov.iov_base))
			done += n;
		else if (n)
			stat_inc(STAT_READ_FAIL);
	}
	*copied = done;
	return sum;
}

static __always_inline __u64 iov_size(struct evb *b, __u64 iov_ptr, __u64 iovcnt)
{
	__u32 unused;
	return iov_gather(b, 0, iov_ptr, iovcnt, 0, &unused);
}

/* data param (PT_BYTEBUF) from iovecs */
static __always_inline void put_iov_data(struct evb *b, __u64 iov_ptr, __u64 iovcnt, __s64 total)
{
	__u32 copied = 0;
	iov_gather(b, 0, iov_ptr, iovcnt, total, &copied);
	evb_param_done(b, copied);
}

/* size (PT_UINT32, sum of iov_len) then data (PT_BYTEBUF), in one walk */
static __always_inline void put_iov_size_data(struct evb *b, __u64 iov_ptr, __u64 iovcnt, __s64 total)
{
	__u32 copied = 0;
	__u64 sum = iov_gather(b, 4, iov_ptr, iovcnt, total, &copied);
	put_u32(b, (__u32)sum);
	evb_param_done(b, copied);
}

static __always_inline int f_writev_e(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	__u32 ev = sys_table[f->id & 511].enter;
	int with_pos = ev == PPME_SYSCALL_PWRITEV_E;
	evb_begin(&b, f, ev, with_pos ? 3 : 2);
	put_fd(&b, A(0));
	put_u32(&b, (__u32)iov_size(&b, A(1), A(2)));
	if (with_pos)
		put_u64(&b, A(3));
	return evb_submit(&b);
}

static __always_inline int f_writev_x(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, sys_table[f->id & 511].exit, 2);
	put_u64(&b, f->ret);
	if (f->ret >= 0)
		put_iov_data(&b, A(1), A(2), 1 << 30);
	else
		put_empty(&b);
	return evb_submit(&b);
}

static __always_inline int f_preadv_e(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, PPME_SYSCALL_PREADV_E, 2);
	put_fd(&b, A(0));
	put_u64(&b, A(3));
	return evb_submit(&b);
}

/* readv/preadv exit: res, size, data */
static __always_inline int f_readv_x(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, sys_table[f->id & 511].exit, 3);
	put_u64(&b, f->ret);
	put_iov_size_data(&b, A(1), A(2), f->ret);
	return evb_submit(&b);
}

static __always_inline int f_lseek_e(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, PPME_SYSCALL_LSEEK_E, 3);
	put_fd(&b, A(0));
	put_u64(&b, A(1));
	put_u8(&b, A(2) <= 2 ? (__u8)A(2) : 0);
	return evb_submit(&b);
}

static __always_inline int f_pipe_x(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	int fds[2] = {};
	if (A(0))
		bpf_probe_read_user(fds, sizeof(fds), (const void *)A(0));
	evb_begin(&b, f, PPME_SYSCALL_PIPE_X, 4);
	put_u64(&b, f->ret);
	put_fd(&b, fds[0]);
	put_fd(&b, fds[1]);
	put_u64(&b, f->ret >= 0 ? fd_ino(fds[0]) : 0);
	return evb_submit(&b);
}

static __always_inline int f_fcntl_e(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, PPME_SYSCALL_FCNTL_E, 2);
	put_fd(&b, A(0));
	put_u8(&b, fcntl_cmd_to_scap(A(1)));
	return evb_submit(&b);
}

static __always_inline int f_ioctl_e(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, PPME_SYSCALL_IOCTL_3_E, 3);
	put_fd(&b, A(0));
	put_u64(&b, A(1));
	put_u64(&b, A(2));
	return evb_submit(&b);
}

/* dirfd-relative exits */
static __always_inline int f_unlinkat_x(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, PPME_SYSCALL_UNLINKAT_2_X, 4);
	put_u64(&b, f->ret);
	put_fd(&b, A(0));
	put_user_str(&b, A(1));
	put_u32(&b, (A(2) & AT_REMOVEDIR) ? PPM_AT_REMOVEDIR : 0);
	return evb_submit(&b);
}

static __always_inline int f_mkdir_e(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, PPME_SYSCALL_MKDIR_2_E, 1);
	put_u32(&b, (__u32)A(1));
	return evb_submit(&b);
}

static __always_inline int f_mkdirat_x(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, PPME_SYSCALL_MKDIRAT_X, 4);
	put_u64(&b, f->ret);
	put_fd(&b, A(0));
	put_user_str(&b, A(1));
	put_u32(&b, (__u32)A(2));
	return evb_submit(&b);
}

/* exit events: res, path(arg0), path(arg1) — rename, link, symlink */
static __always_inline int f_two_paths_x(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, sys_table[f->id & 511].exit, 3);
	put_u64(&b, f->ret);
	put_user_str(&b, A(0));
	put_user_str(&b, A(1));
	return evb_submit(&b);
}

static __always_inline int f_renameat_x(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	int two = f->id == 316;
	evb_begin(&b, f, two ? PPME_SYSCALL_RENAMEAT2_X : PPME_SYSCALL_RENAMEAT_X, two ? 6 : 5);
	put_u64(&b, f->ret);
	put_fd(&b, A(0));
	put_user_str(&b, A(1));
	put_fd(&b, A(2));
	put_user_str(&b, A(3));
	if (two)
		put_u32(&b, (__u32)A(4) & 7);
	return evb_submit(&b);
}

/* ---- memory ------------------------------------------------------------------------------------- */

static __always_inline int f_mmap_e(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, PPME_SYSCALL_MMAP_E, 6);
	put_u64(&b, A(0));
	put_u64(&b, A(1));
	put_u32(&b, prot_flags_to_scap(A(2)));
	put_u32(&b, mmap_flags_to_scap(A(3)));
	put_fd(&b, A(4));
	put_u64(&b, A(5));
	return evb_submit(&b);
}

static __always_inline int f_munmap_e(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, PPME_SYSCALL_MUNMAP_E, 2);
	put_u64(&b, A(0));
	put_u64(&b, A(1));
	return evb_submit(&b);
}

static __always_inline int f_brk_e(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, PPME_SYSCALL_BRK_4_E, 1);
	put_u64(&b, A(0));
	return evb_submit(&b);
}

/* brk, mmap, munmap exits: res, vm_size, vm_rss, vm_swap */
static __always_inline int f_mem_x(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, sys_table[f->id & 511].exit, 4);
	put_u64(&b, f->ret);
	put_vm(&b, cur_task());
	return evb_submit(&b);
}

/* ---- signals, sleep, wait ----------------------------------------------------------------------- */

static __always_inline int f_kill_e(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	__u32 ev = sys_table[f->id & 511].enter;
	int three = ev == PPME_SYSCALL_TGKILL_E;
	evb_begin(&b, f, ev, three ? 3 : 2);
	put_fd(&b, A(0));
	if (three) {
		put_fd(&b, A(1));
		put_u8(&b, (__u8)A(2));
	} else {
		put_u8(&b, (__u8)A(1));
	}
	return evb_submit(&b);
}

static __always_inline int f_nanosleep_e(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	struct { __s64 sec, nsec; } ts = {};
	if (A(0))
		bpf_probe_read_user(&ts, sizeof(ts), (const void *)A(0));
	evb_begin(&b, f, PPME_SYSCALL_NANOSLEEP_E, 1);
	put_u64(&b, ts.sec * 1000000000ULL + ts.nsec);
	return evb_submit(&b);
}

static __always_inline int f_futex_e(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, PPME_SYSCALL_FUTEX_E, 3);
	put_u64(&b, A(0));
	put_u16(&b, futex_op_to_scap(A(1)));
	put_u64(&b, A(2));
	return evb_submit(&b);
}

static __always_inline int f_epoll_wait_e(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, PPME_SYSCALL_EPOLLWAIT_E, 1);
	put_u64(&b, (__s64)(__s32)A(2));
	return evb_submit(&b);
}

#define MAX_POLLFDS 16

/* PT_FDLIST: u16 count, then (u64 fd, i16 flags) per entry; requested events on enter, revents on exit */
static __always_inline void put_fdlist(struct evb *b, __u64 ufds, __u64 nfds, int exit)
{
	struct pollfd pfd;
	__u8 *d = evb_cur(b);
	__u16 n = 0;
	if (nfds > MAX_POLLFDS)
		nfds = MAX_POLLFDS;
	for (int i = 0; i < MAX_POLLFDS; i++) {
		if (i >= nfds)
			break;
		if (bpf_probe_read_user(&pfd, sizeof(pfd), (const void *)(ufds + i * sizeof(pfd))))
			break;
		if (exit && !pfd.revents)
			continue;
		__u8 *e = d + 2 + (n & (MAX_POLLFDS - 1)) * 10;
		*(__u64 *)e = (__s64)pfd.fd;
		*(__s16 *)(e + 8) = poll_events_to_scap(exit ? pfd.revents : pfd.events);
		n++;
	}
	*(__u16 *)d = n;
	evb_param_done(b, 2 + n * 10);
}

static __always_inline int f_poll_e(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, PPME_SYSCALL_POLL_E, 2);
	put_fdlist(&b, A(0), A(1), 0);
	put_u64(&b, (__s64)(__s32)A(2));
	return evb_submit(&b);
}

static __always_inline int f_poll_x(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, sys_table[f->id & 511].exit, 2); /* poll, ppoll */
	put_u64(&b, f->ret);
	put_fdlist(&b, A(0), A(1), 1);
	return evb_submit(&b);
}

/* ---- network ------------------------------------------------------------------------------------ */

static __always_inline int f_socket_e(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, sys_table[f->id & 511].enter, 3);
	put_u32(&b, (__u32)A(0));
	put_u32(&b, (__u32)A(1));
	put_u32(&b, (__u32)A(2));
	return evb_submit(&b);
}

static __always_inline int f_bind_x(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	int fam = stage_sockaddr(f, A(1), A(2));
	evb_begin(&b, f, PPME_SOCKET_BIND_X, 2);
	put_u64(&b, f->ret);
	put_staged_sockaddr(&b, fam);
	return evb_submit(&b);
}

static __always_inline int f_connect_e(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	int fam = stage_sockaddr(f, A(1), A(2));
	evb_begin(&b, f, PPME_SOCKET_CONNECT_E, 2);
	put_fd(&b, A(0));
	put_staged_sockaddr(&b, fam);
	return evb_submit(&b);
}

static __always_inline int f_connect_x(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	int fam = stage_sockaddr(f, A(1), A(2));
	evb_begin(&b, f, PPME_SOCKET_CONNECT_X, 2);
	put_u64(&b, f->ret);
	put_tuple(&b, A(0), 0, fam);
	return evb_submit(&b);
}

static __always_inline int f_listen_e(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, PPME_SOCKET_LISTEN_E, 2);
	put_fd(&b, A(0));
	put_u32(&b, (__u32)A(1));
	return evb_submit(&b);
}

static __always_inline int f_accept4_e(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, PPME_SOCKET_ACCEPT4_5_E, 1);
	put_u32(&b, 0); /* sysdig 0.29 does not report the flags either */
	return evb_submit(&b);
}

static __always_inline int f_accept_x(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	__u32 backlog = 0, max_backlog = 0;
	__u8 pct = 0;
	evb_begin(&b, f, sys_table[f->id & 511].exit, 5);
	put_u64(&b, f->ret);
	if (f->ret >= 0)
		put_tuple(&b, f->ret, 1, -1);
	else
		put_empty(&b);
	struct sock *lsk = fd_sock(A(0));
	if (lsk) {
		backlog = BPF_CORE_READ(lsk, sk_ack_backlog);
		max_backlog = BPF_CORE_READ(lsk, sk_max_ack_backlog);
		if (max_backlog)
			pct = (__u8)((__u64)backlog * 100 / max_backlog);
	}
	put_u8(&b, pct);
	put_u32(&b, backlog);
	put_u32(&b, max_backlog);
	return evb_submit(&b);
}

static __always_inline int f_sendto_e(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	int fam = stage_sockaddr(f, A(4), A(5));
	evb_begin(&b, f, PPME_SOCKET_SENDTO_E, 3);
	put_fd(&b, A(0));
	put_u32(&b, (__u32)A(2));
	put_tuple(&b, A(0), 0, fam);
	return evb_submit(&b);
}

static __always_inline int f_recvfrom_x(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	int fam = -1;
	if (f->ret >= 0 && A(4) && A(5)) {
		int alen = 0;
		bpf_probe_read_user(&alen, sizeof(alen), (const void *)A(5));
		fam = stage_sockaddr(f, A(4), alen > 0 ? alen : 0);
	}
	evb_begin(&b, f, PPME_SOCKET_RECVFROM_X, 3);
	put_u64(&b, f->ret);
	if (f->ret > 0)
		put_user_buf(&b, A(1), f->ret);
	else
		put_empty(&b);
	if (f->ret >= 0)
		put_tuple(&b, A(0), 1, fam);
	else
		put_empty(&b);
	return evb_submit(&b);
}

static __always_inline int f_sendmsg_e(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	struct user_msghdr mh = {};
	int fam = -1;
	if (A(1))
		bpf_probe_read_user(&mh, sizeof(mh), (const void *)A(1));
	if (mh.msg_name)
		fam = stage_sockaddr(f, (__u64)mh.msg_name, mh.msg_namelen);
	evb_begin(&b, f, PPME_SOCKET_SENDMSG_E, 3);
	put_fd(&b, A(0));
	put_u32(&b, (__u32)iov_size(&b, (__u64)mh.msg_iov, mh.msg_iovlen));
	put_tuple(&b, A(0), 0, fam);
	return evb_submit(&b);
}

static __always_inline int f_sendmsg_x(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	struct user_msghdr mh = {};
	if (A(1))
		bpf_probe_read_user(&mh, sizeof(mh), (const void *)A(1));
	evb_begin(&b, f, PPME_SOCKET_SENDMSG_X, 2);
	put_u64(&b, f->ret);
	if (f->ret >= 0)
		put_iov_data(&b, (__u64)mh.msg_iov, mh.msg_iovlen, 1 << 30);
	else
		put_empty(&b);
	return evb_submit(&b);
}

static __always_inline int f_recvmsg_x(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	struct user_msghdr mh = {};
	int fam = -1;
	if (A(1))
		bpf_probe_read_user(&mh, sizeof(mh), (const void *)A(1));
	if (f->ret >= 0 && mh.msg_name)
		fam = stage_sockaddr(f, (__u64)mh.msg_name, mh.msg_namelen);
	evb_begin(&b, f, PPME_SOCKET_RECVMSG_X, 4);
	put_u64(&b, f->ret);
	put_iov_size_data(&b, (__u64)mh.msg_iov, mh.msg_iovlen, f->ret);
	if (f->ret >= 0)
		put_tuple(&b, A(0), 1, fam);
	else
		put_empty(&b);
	return evb_submit(&b);
}

static __always_inline int f_shutdown_e(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, PPME_SOCKET_SHUTDOWN_E, 2);
	put_fd(&b, A(0));
	put_u8(&b, (__u8)A(1));
	return evb_submit(&b);
}

static __always_inline int f_socketpair_x(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	int fds[2] = {};
	__u64 src = 0, peer = 0;
	if (f->ret >= 0 && A(3)) {
		bpf_probe_read_user(fds, sizeof(fds), (const void *)A(3));
		struct sock *sk = fd_sock(fds[0]);
		if (sk) {
			src = (__u64)sk;
			peer = (__u64)BPF_CORE_READ((struct unix_sock *)sk, peer);
		}
	}
	evb_begin(&b, f, PPME_SOCKET_SOCKETPAIR_X, 5);
	put_u64(&b, f->ret);
	put_fd(&b, fds[0]);
	put_fd(&b, fds[1]);
	put_u64(&b, src);
	put_u64(&b, peer);
	return evb_submit(&b);
}

/* ---- processes ---------------------------------------------------------------------------------- */

static __always_inline int f_execve_e(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	if (f->id == 322) { /* execveat */
		evb_begin(&b, f, PPME_SYSCALL_EXECVEAT_E, 3);
		put_fd(&b, A(0));
		put_user_str(&b, A(1));
		put_u32(&b, execveat_flags_to_scap(A(4)));
	} else {
		evb_begin(&b, f, PPME_SYSCALL_EXECVE_19_E, 1);
		put_user_str(&b, A(0));
	}
	return evb_submit(&b);
}

/*
 * The 20-parameter exit of execve/execveat (EXECVE_19 layout) and clone/fork/vfork/clone3 (CLONE_20
 * layout): the first 15 parameters are shared, then each family has its own 5.
 */
#define FAILED_EXEC_ARGS_MAX 16 /* argv entries sysdig's probe reads for a failed execve */

/*
 * exe and args of a failed execve, as sysdig's eBPF probe writes them: the first FAILED_EXEC_ARGS_MAX strings of
 * the call's argv, NUL-separated (at most MAX_ARGS_ENV bytes); exe is the first, args the rest. Without any string
 * (or when argv cannot be read), exe is empty (its NUL) and args has no bytes.
 */
static __always_inline void put_failed_exec_args(struct evb *b, __u64 argv)
{
	__u32 start = b->off;
	__u32 total = 0;
	__u32 exe_len = 0;
	int ok = argv != 0;
	for (int j = 0; j < FAILED_EXEC_ARGS_MAX && ok; j++) {
		__u64 arg = 0;
		if (bpf_probe_read_user(&arg, sizeof(arg), (const void *)(argv + 8 * j)) || !arg)
			break;
		__u32 off = start + total;
		opaque(off);
		long n = bpf_probe_read_user_str(&b->f->data[off & OFF_MASK], MAX_STR, (const void *)arg);
		if (n < 0) {
			stat_inc(STAT_READ_FAIL);
			ok = 0;
			break;
		}
		if (j == 0)
			exe_len = n;
		total += n;
		if (total > MAX_ARGS_ENV) {
			total = MAX_ARGS_ENV;
			b->f->data[(start + total - 1) & OFF_MASK] = 0;
			break;
		}
	}
	if (!ok || !total) {
		put_empty_str(b);
		put_empty(b);
		return;
	}
	if (exe_len > total)
		exe_len = total;
	evb_param_done(b, exe_len);
	evb_param_done(b, total - exe_len);
}

static __always_inline int proc_exit(struct frame *f, __u32 ev, int is_clone)
{
	struct evb b;
	struct task_struct *t = cur_task();
	struct mm_struct *mm = BPF_CORE_READ(t, mm);
	evb_begin(&b, f, ev, 20);
	put_u64(&b, f->ret);

	/* exe (argv[0]) and args (the rest, NUL-separated) from the process's argument area */
	__u64 arg_start = 0, arg_end = 0;
	if (mm) {
		arg_start = BPF_CORE_READ(mm, arg_start);
		arg_end = BPF_CORE_READ(mm, arg_end);
	}
	__u64 total = arg_end > arg_start ? arg_end - arg_start : 0;
	if (total > MAX_ARGS_ENV)
		total = MAX_ARGS_ENV;
	if (is_clone || f->ret >= 0) {
		long exe_len = 0;
		if (total)
			exe_len = bpf_probe_read_user_str(evb_cur(&b), MAX_STR, (const void *)arg_start);
		if (exe_len <= 0) {
			if (exe_len < 0)
				stat_inc(STAT_READ_FAIL);
			/* as sysdig: no argument area gives an empty exe (its NUL) and no args */
			put_empty_str(&b);
			put_empty(&b);
		} else {
			evb_param_done(&b, exe_len);
			__u64 rest = total > (__u64)exe_len ? total - exe_len : 0;
			opaque(rest);
			rest &= (MAX_ARGS_ENV * 2 - 1);
			if (rest && bpf_probe_read_user(evb_cur(&b), rest, (const void *)(arg_start + exe_len))) {
				stat_inc(STAT_READ_FAIL);
				rest = 0;
			}
			if (rest)
				b.f->data[(b.off + rest - 1) & OFF_MASK] = 0;
			evb_param_done(&b, rest);
		}
	} else {
		/* failed execve: the old image is still there; like sysdig, exe and args come from the call's argv */
		put_failed_exec_args(&b, f->id == 322 ? A(2) : A(1));
	}

	put_u64(&b, BPF_CORE_READ(t, pid));
	put_u64(&b, BPF_CORE_READ(t, tgid));
	put_u64(&b, BPF_CORE_READ(t, real_parent, pid));
	/* cwd: empty, like sysdig's eBPF probe; the consumer keeps cwd from /proc and chdir */
	*evb_cur(&b) = 0;
	evb_param_done(&b, 1);
	put_u64(&b, BPF_CORE_READ(t, signal, rlim[RLIMIT_NOFILE].rlim_cur));
	put_u64(&b, BPF_CORE_READ(t, maj_flt));
	put_u64(&b, BPF_CORE_READ(t, min_flt));
	put_vm(&b, t);
	put_kernel_str(&b, &t->comm);
	put_empty(&b); /* cgroups */

	if (is_clone) {
		__u64 flags = A(0);
		if (f->id == 435) { /* clone3: flags are the first field of struct clone_args */
			flags = 0;
			if (A(0))
				bpf_probe_read_user(&flags, sizeof(flags), (const void *)A(0));
		} else if (f->id != 56) {
			flags = 0; /* fork, vfork */
		}
		__u32 sflags = clone_flags_to_scap(flags);
		struct pid *tp = BPF_CORE_READ(t, thread_pid);
		unsigned int level = tp ? BPF_CORE_READ(tp, level) : 0;
		if (level)
			sflags |= PPM_CL_CHILD_IN_PIDNS;
		put_u32(&b, sflags);
		put_u32(&b, BPF_CORE_READ(t, cred, euid.val));
		put_u32(&b, BPF_CORE_READ(t, cred, egid.val));
		put_u64(&b, pid_nr_ns(tp));
		put_u64(&b, pid_nr_ns(BPF_CORE_READ(t, group_leader, thread_pid)));
	} else {
		__u64 env_start = 0, env_end = 0;
		if (mm && f->ret >= 0) {
			env_start = BPF_CORE_READ(mm, env_start);
			env_end = BPF_CORE_READ(mm, env_end);
		}
		__u64 env = env_end > env_start ? env_end - env_start : 0;
		if (env > MAX_ARGS_ENV)
			env = MAX_ARGS_ENV;
		opaque(env);
		env &= (MAX_ARGS_ENV * 2 - 1);
		if (env && bpf_probe_read_user(evb_cur(&b), env, (const void *)env_start)) {
			stat_inc(STAT_READ_FAIL);
			env = 0;
		}
		if (env)
			b.f->data[(b.off + env - 1) & OFF_MASK] = 0;
		evb_param_done(&b, env);
		put_u32(&b, task_tty(t));
		put_u64(&b, pid_nr_ns(BPF_CORE_READ(t, signal, pids[PIDTYPE_PGID])));
		__u32 loginuid = 0xffffffff;
		if (bpf_core_field_exists(t->loginuid))
			loginuid = BPF_CORE_READ(t, loginuid.val);
		put_u32(&b, loginuid);
		put_u32(&b, 0); /* flags (PPM_EXE_WRITABLE not computed) */
	}
	return evb_submit(&b);
}

static __always_inline int f_execve_x(void *ctx)
{
	FRAME_OR_RETURN(f);
	return proc_exit(f, f->id == 322 ? PPME_SYSCALL_EXECVEAT_X : PPME_SYSCALL_EXECVE_19_X, 0);
}

static __always_inline int f_clone_x(void *ctx)
{
	FRAME_OR_RETURN(f);
	return proc_exit(f, sys_table[f->id & 511].exit, 1);
}

/* ---- descriptors of special files ------------------------------------------------------------------
 * sysdig 0.29's probe reports constant zeros for eventfd's flags, signalfd's mask and flags, timerfd_create's
 * clock and flags and inotify_init's flags: so does jdig, so that both print the same. */

static __always_inline int f_eventfd_e(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, PPME_SYSCALL_EVENTFD_E, 2);
	put_u64(&b, (__u32)A(0));
	put_u32(&b, 0);
	return evb_submit(&b);
}

static __always_inline int f_signalfd_e(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, PPME_SYSCALL_SIGNALFD_E, 3);
	put_fd(&b, A(0));
	put_u32(&b, 0);
	put_u8(&b, 0);
	return evb_submit(&b);
}

static __always_inline int f_timerfd_create_e(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, PPME_SYSCALL_TIMERFD_CREATE_E, 2);
	put_u8(&b, 0);
	put_u8(&b, 0);
	return evb_submit(&b);
}

static __always_inline int f_inotify_init_e(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, PPME_SYSCALL_INOTIFY_INIT_E, 1);
	put_u8(&b, 0);
	return evb_submit(&b);
}

/* userfaultfd exit: res, flags as passed (sysdig does not translate them) */
static __always_inline int f_userfaultfd_x(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, PPME_SYSCALL_USERFAULTFD_X, 2);
	put_u64(&b, f->ret);
	put_u32(&b, (__u32)A(0));
	return evb_submit(&b);
}

/* ---- process state ------------------------------------------------------------------------------ */

static __always_inline int f_getcwd_x(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, PPME_SYSCALL_GETCWD_X, 2);
	put_u64(&b, f->ret);
	put_user_str(&b, A(0)); /* read whatever the call left, as sysdig's autofill does */
	return evb_submit(&b);
}

/* setuid, setgid enter: the id (PT_UID / PT_GID) */
static __always_inline int f_id_e(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, sys_table[f->id & 511].enter, 1);
	put_u32(&b, (__u32)A(0));
	return evb_submit(&b);
}

/* setresuid, setresgid enter: real, effective, saved id */
static __always_inline int f_id3_e(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, sys_table[f->id & 511].enter, 3);
	put_u32(&b, (__u32)A(0));
	put_u32(&b, (__u32)A(1));
	put_u32(&b, (__u32)A(2));
	return evb_submit(&b);
}

static __always_inline int f_setpgid_e(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, PPME_SYSCALL_SETPGID_E, 2);
	put_fd(&b, A(0));
	put_fd(&b, A(1));
	return evb_submit(&b);
}

static __always_inline int f_unshare_e(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, PPME_SYSCALL_UNSHARE_E, 1);
	put_u32(&b, clone_flags_to_scap(A(0)));
	return evb_submit(&b);
}

static __always_inline int f_setns_e(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, PPME_SYSCALL_SETNS_E, 2);
	put_fd(&b, A(0));
	put_u32(&b, clone_flags_to_scap(A(1)));
	return evb_submit(&b);
}

/* ---- more files --------------------------------------------------------------------------------- */

static __always_inline int f_access_e(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, PPME_SYSCALL_ACCESS_E, 1);
	put_u32(&b, access_mode_to_scap(A(1)));
	return evb_submit(&b);
}

static __always_inline int f_chmod_x(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, PPME_SYSCALL_CHMOD_X, 3);
	put_u64(&b, f->ret);
	put_user_str(&b, A(0));
	put_u32(&b, chmod_mode_to_scap(A(1)));
	return evb_submit(&b);
}

static __always_inline int f_fchmod_x(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, PPME_SYSCALL_FCHMOD_X, 3);
	put_u64(&b, f->ret);
	put_fd(&b, A(0));
	put_u32(&b, chmod_mode_to_scap(A(1)));
	return evb_submit(&b);
}

static __always_inline int f_fchmodat_x(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, PPME_SYSCALL_FCHMODAT_X, 4);
	put_u64(&b, f->ret);
	put_fd(&b, A(0));
	put_user_str(&b, A(1));
	put_u32(&b, chmod_mode_to_scap(A(2)));
	return evb_submit(&b);
}

static __always_inline int f_linkat_x(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, PPME_SYSCALL_LINKAT_2_X, 6);
	put_u64(&b, f->ret);
	put_fd(&b, A(0));
	put_user_str(&b, A(1));
	put_fd(&b, A(2));
	put_user_str(&b, A(3));
	put_u32(&b, linkat_flags_to_scap(A(4)));
	return evb_submit(&b);
}

static __always_inline int f_symlinkat_x(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, PPME_SYSCALL_SYMLINKAT_X, 4);
	put_u64(&b, f->ret);
	put_user_str(&b, A(0));
	put_fd(&b, A(1));
	put_user_str(&b, A(2));
	return evb_submit(&b);
}

static __always_inline int f_flock_e(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, PPME_SYSCALL_FLOCK_E, 2);
	put_fd(&b, A(0));
	put_u32(&b, flock_op_to_scap(A(1)));
	return evb_submit(&b);
}

static __always_inline int f_mount_e(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, PPME_SYSCALL_MOUNT_E, 1);
	put_u32(&b, mount_flags_to_scap(A(3)));
	return evb_submit(&b);
}

static __always_inline int f_mount_x(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, PPME_SYSCALL_MOUNT_X, 4);
	put_u64(&b, f->ret);
	put_user_str(&b, A(0));
	put_user_str(&b, A(1));
	put_user_str(&b, A(2));
	return evb_submit(&b);
}

/* umount2 enter: the flags as passed (sysdig does not translate them) */
static __always_inline int f_umount_e(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, PPME_SYSCALL_UMOUNT_E, 1);
	put_u32(&b, (__u32)A(1));
	return evb_submit(&b);
}

/* quotactl: the kernel's command words (QCMD(subcmd, type)) and the quota structures of its uapi */
#define JQ_SYNC 0x800001
#define JQ_QUOTAON 0x800002
#define JQ_QUOTAOFF 0x800003
#define JQ_GETFMT 0x800004
#define JQ_GETINFO 0x800005
#define JQ_SETINFO 0x800006
#define JQ_GETQUOTA 0x800007
#define JQ_SETQUOTA 0x800008
#define JQ_XQUOTAON 0x5801
#define JQ_XQUOTAOFF 0x5802
#define JQ_XGETQUOTA 0x5803
#define JQ_XSETQLIM 0x5804
#define JQ_XGETQSTAT 0x5805
#define JQ_XQUOTARM 0x5806
#define JQ_XQUOTASYNC 0x5807

struct jdig_dqblk {
	__u64 bhardlimit, bsoftlimit, curspace, ihardlimit, isoftlimit, curinodes, btime, itime;
	__u32 valid;
};

struct jdig_dqinfo {
	__u64 bgrace, igrace;
	__u32 flags, valid;
};

/* sysdig's bit for each command (quotactl_cmds) */
#define QC_QUOTAON (1 << 0)
#define QC_QUOTAOFF (1 << 1)
#define QC_GETFMT (1 << 2)
#define QC_GETINFO (1 << 3)
#define QC_SETINFO (1 << 4)
#define QC_GETQUOTA (1 << 5)
#define QC_SETQUOTA (1 << 6)
#define QC_SYNC (1 << 7)
#define QC_XQUOTAON (1 << 8)
#define QC_XQUOTAOFF (1 << 9)
#define QC_XGETQUOTA (1 << 10)
#define QC_XSETQLIM (1 << 11)
#define QC_XGETQSTAT (1 << 12)
#define QC_XQUOTARM (1 << 13)
#define QC_XQUOTASYNC (1 << 14)

/* sysdig's bit for a command word, 0 for commands it does not know */
static __always_inline __u16 quota_cmd(__u64 cmd)
{
	switch ((__u32)cmd >> 8) {
	case JQ_QUOTAON: return QC_QUOTAON;
	case JQ_QUOTAOFF: return QC_QUOTAOFF;
	case JQ_GETFMT: return QC_GETFMT;
	case JQ_GETINFO: return QC_GETINFO;
	case JQ_SETINFO: return QC_SETINFO;
	case JQ_GETQUOTA: return QC_GETQUOTA;
	case JQ_SETQUOTA: return QC_SETQUOTA;
	case JQ_SYNC: return QC_SYNC;
	case JQ_XQUOTAON: return QC_XQUOTAON;
	case JQ_XQUOTAOFF: return QC_XQUOTAOFF;
	case JQ_XGETQUOTA: return QC_XGETQUOTA;
	case JQ_XSETQLIM: return QC_XSETQLIM;
	case JQ_XGETQSTAT: return QC_XGETQSTAT;
	case JQ_XQUOTARM: return QC_XQUOTARM;
	case JQ_XQUOTASYNC: return QC_XQUOTASYNC;
	}
	return 0;
}

/* quota formats: QFMT_VFS_OLD 1, QFMT_VFS_V0 2, QFMT_VFS_V1 4 in the kernel; anything else "not used" */
static __always_inline __u8 quota_fmt(__u64 fmt)
{
	switch (fmt) {
	case 1: return 1 << 1;
	case 2: return 1 << 2;
	case 4: return 1 << 3;
	}
	return 1 << 0;
}

/* quotactl enter: cmd, type (user or group), id (only for the per-id commands), format (for QUOTAON) */
static __always_inline int f_quotactl_e(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	__u16 cmd = quota_cmd(A(0));
	__u32 kind = (__u32)A(0) & 0xff;
	int per_id = cmd == QC_GETQUOTA || cmd == QC_SETQUOTA || cmd == QC_XGETQUOTA || cmd == QC_XSETQLIM;
	evb_begin(&b, f, PPME_SYSCALL_QUOTACTL_E, 4);
	put_u16(&b, cmd);
	put_u8(&b, kind == 0 ? 1 : kind == 1 ? 2 : 0);
	put_u32(&b, per_id ? (__u32)A(2) : 0);
	put_u8(&b, cmd == QC_QUOTAON ? quota_fmt((__u32)A(2)) : 1);
	return evb_submit(&b);
}

/* quotactl exit: res, special, the quota file (QUOTAON), the limits and usage read by GETQUOTA or written by
 * SETQUOTA, the grace times and flags of GETINFO/SETINFO, the format GETFMT returns; each 0 unless valid */
static __always_inline int f_quotactl_x(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	__u16 cmd = quota_cmd(A(0));
	struct jdig_dqblk q = {};
	struct jdig_dqinfo qi = {};
	__u32 fmt = 0;
	if (cmd == QC_GETQUOTA || cmd == QC_SETQUOTA)
		bpf_probe_read_user(&q, sizeof(q), (const void *)A(3));
	if (cmd == QC_GETINFO || cmd == QC_SETINFO)
		bpf_probe_read_user(&qi, sizeof(qi), (const void *)A(3));
	if (cmd == QC_GETFMT)
		bpf_probe_read_user(&fmt, sizeof(fmt), (const void *)A(3));
	evb_begin(&b, f, PPME_SYSCALL_QUOTACTL_X, 14);
	put_u64(&b, f->ret);
	put_user_str(&b, A(1));
	if (cmd == QC_QUOTAON)
		put_user_str(&b, A(3));
	else
		put_empty_str(&b);
	put_u64(&b, q.valid & 1 ? q.bhardlimit : 0);
	put_u64(&b, q.valid & 1 ? q.bsoftlimit : 0);
	put_u64(&b, q.valid & 2 ? q.curspace : 0);
	put_u64(&b, q.valid & 4 ? q.ihardlimit : 0);
	put_u64(&b, q.valid & 4 ? q.isoftlimit : 0);
	put_u64(&b, q.valid & 16 ? q.btime : 0);
	put_u64(&b, q.valid & 32 ? q.itime : 0);
	put_u64(&b, qi.valid & 1 ? qi.bgrace : 0);
	put_u64(&b, qi.valid & 2 ? qi.igrace : 0);
	put_u8(&b, qi.valid & 4 ? (__u8)qi.flags : 0);
	put_u8(&b, cmd == QC_GETFMT ? quota_fmt(fmt) : 1);
	return evb_submit(&b);
}

/* the offset sendfile reads from and updates: 0 without one */
static __always_inline __u64 user_u64(__u64 p)
{
	__u64 v = 0;
	if (p)
		bpf_probe_read_user(&v, sizeof(v), (const void *)p);
	return v;
}

static __always_inline int f_sendfile_e(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, PPME_SYSCALL_SENDFILE_E, 4);
	put_fd(&b, A(0));
	put_fd(&b, A(1));
	put_u64(&b, user_u64(A(2)));
	put_u64(&b, A(3));
	return evb_submit(&b);
}

static __always_inline int f_sendfile_x(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, PPME_SYSCALL_SENDFILE_X, 2);
	put_u64(&b, f->ret);
	put_u64(&b, user_u64(A(2)));
	return evb_submit(&b);
}

/* splice enter: fd_in, fd_out, size, flags as passed (SPLICE_F_* are sysdig's values) */
static __always_inline int f_splice_e(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, PPME_SYSCALL_SPLICE_E, 4);
	put_fd(&b, A(0));
	put_fd(&b, A(2));
	put_u64(&b, A(4));
	put_u32(&b, (__u32)A(5));
	return evb_submit(&b);
}

/* copy_file_range: sysdig 0.29 reports the offset arguments themselves (pointers), not what they point to */
static __always_inline int f_copy_file_range_e(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, PPME_SYSCALL_COPY_FILE_RANGE_E, 3);
	put_fd(&b, A(0));
	put_u64(&b, A(1));
	put_u64(&b, A(4));
	return evb_submit(&b);
}

static __always_inline int f_copy_file_range_x(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, PPME_SYSCALL_COPY_FILE_RANGE_X, 3);
	put_u64(&b, f->ret);
	put_fd(&b, A(2));
	put_u64(&b, A(3));
	return evb_submit(&b);
}

static __always_inline int f_mprotect_e(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, PPME_SYSCALL_MPROTECT_E, 3);
	put_u64(&b, A(0));
	put_u64(&b, A(1));
	put_u32(&b, prot_flags_to_scap(A(2)));
	return evb_submit(&b);
}

/* ---- limits, ids, IPC, tracing ------------------------------------------------------------------- */

/* getrlimit, setrlimit enter: the resource */
static __always_inline int f_rlimit_e(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, sys_table[f->id & 511].enter, 1);
	put_u8(&b, rlimit_resource_to_scap(A(0)));
	return evb_submit(&b);
}

struct jdig_rlimit {
	__s64 cur, max;
};

/* reads a user struct rlimit; -1, -1 when there is none */
static __always_inline struct jdig_rlimit user_rlimit(__u64 p)
{
	struct jdig_rlimit rl = {-1, -1};
	if (!p || bpf_probe_read_user(&rl, sizeof(rl), (const void *)p)) {
		rl.cur = -1;
		rl.max = -1;
	}
	return rl;
}

/* getrlimit, setrlimit exit: res, cur, max (getrlimit's only when it succeeded) */
static __always_inline int f_rlimit_x(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	__u32 ev = sys_table[f->id & 511].exit;
	struct jdig_rlimit rl = {-1, -1};
	if (f->ret >= 0 || ev == PPME_SYSCALL_SETRLIMIT_X)
		rl = user_rlimit(A(1));
	evb_begin(&b, f, ev, 3);
	put_u64(&b, f->ret);
	put_u64(&b, rl.cur);
	put_u64(&b, rl.max);
	return evb_submit(&b);
}

static __always_inline int f_prlimit_e(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, PPME_SYSCALL_PRLIMIT_E, 2);
	put_fd(&b, A(0));
	put_u8(&b, rlimit_resource_to_scap(A(1)));
	return evb_submit(&b);
}

static __always_inline int f_prlimit_x(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	struct jdig_rlimit nw = {-1, -1};
	if (f->ret >= 0)
		nw = user_rlimit(A(2));
	struct jdig_rlimit old = user_rlimit(A(3));
	evb_begin(&b, f, PPME_SYSCALL_PRLIMIT_X, 5);
	put_u64(&b, f->ret);
	put_u64(&b, nw.cur);
	put_u64(&b, nw.max);
	put_u64(&b, old.cur);
	put_u64(&b, old.max);
	return evb_submit(&b);
}

static __always_inline __u32 user_u32(__u64 p)
{
	__u32 v = 0;
	if (p)
		bpf_probe_read_user(&v, sizeof(v), (const void *)p);
	return v;
}

/* getresuid, getresgid exit: res and the three ids written by the call */
static __always_inline int f_getresid_x(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, sys_table[f->id & 511].exit, 4);
	put_u64(&b, f->ret);
	put_u32(&b, user_u32(A(0)));
	put_u32(&b, user_u32(A(1)));
	put_u32(&b, user_u32(A(2)));
	return evb_submit(&b);
}

static __always_inline int f_semget_e(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, PPME_SYSCALL_SEMGET_E, 3);
	put_u32(&b, (__u32)A(0));
	put_u32(&b, (__u32)A(1));
	put_u32(&b, semget_flags_to_scap(A(2)));
	return evb_submit(&b);
}

static __always_inline int f_semop_e(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, PPME_SYSCALL_SEMOP_E, 1);
	put_u32(&b, (__u32)A(0));
	return evb_submit(&b);
}

struct jdig_sembuf {
	__u16 num;
	__s16 op;
	__s16 flg;
};

/* semop exit: res, nsops and the first two operations (zeros where there are fewer) */
static __always_inline int f_semop_x(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	struct jdig_sembuf ops[2] = {};
	__u64 n = A(2);
	if (n && A(1))
		bpf_probe_read_user(ops, n >= 2 ? sizeof(ops) : sizeof(ops[0]), (const void *)A(1));
	evb_begin(&b, f, PPME_SYSCALL_SEMOP_X, 8);
	put_u64(&b, f->ret);
	put_u32(&b, (__u32)n);
	put_u16(&b, ops[0].num);
	put_u16(&b, (__u16)ops[0].op);
	put_u16(&b, semop_flags_to_scap(ops[0].flg));
	put_u16(&b, ops[1].num);
	put_u16(&b, (__u16)ops[1].op);
	put_u16(&b, semop_flags_to_scap(ops[1].flg));
	return evb_submit(&b);
}

static __always_inline int f_semctl_e(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, PPME_SYSCALL_SEMCTL_E, 4);
	put_u32(&b, (__u32)A(0));
	put_u32(&b, (__u32)A(1));
	put_u16(&b, semctl_cmd_to_scap(A(2)));
	put_u32(&b, A(2) == SETVAL ? (__u32)A(3) : 0);
	return evb_submit(&b);
}

static __always_inline int f_ppoll_e(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	__u64 timeout = (__u64)-1;
	if (A(2)) {
		struct { __s64 sec, nsec; } ts = {};
		bpf_probe_read_user(&ts, sizeof(ts), (const void *)A(2));
		timeout = ts.sec * 1000000000ULL + ts.nsec;
	}
	__u64 mask = 0;
	if (A(3))
		mask = user_u64(A(3));
	evb_begin(&b, f, PPME_SYSCALL_PPOLL_E, 3);
	put_fdlist(&b, A(0), A(1), 0);
	put_u64(&b, timeout);
	put_u32(&b, (__u32)mask);
	return evb_submit(&b);
}

/* seccomp enter: sysdig 0.29 reports the operation only (its table lists flags, but n is 1) */
static __always_inline int f_seccomp_e(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, PPME_SYSCALL_SECCOMP_E, 1);
	put_u64(&b, A(0));
	return evb_submit(&b);
}

static __always_inline int f_bpf_e(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, PPME_SYSCALL_BPF_E, 1);
	put_u64(&b, A(0));
	return evb_submit(&b);
}

/* PT_DYN: the index of the value's type in the event's dynamic table, then the value */
static __always_inline void put_dyn_u64(struct evb *b, __u8 idx, __u64 v)
{
	__u8 *d = evb_cur(b);
	d[0] = idx;
	*(__u64 *)(d + 1) = v;
	evb_param_done(b, 9);
}

static __always_inline void put_dyn_u8(struct evb *b, __u8 idx, __u8 v)
{
	__u8 *d = evb_cur(b);
	d[0] = idx;
	d[1] = v;
	evb_param_done(b, 2);
}

/* bpf exit: the new fd (PPM_BPF_IDX_FD) for map creation and program loads that succeeded, else res */
static __always_inline int f_bpf_x(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	int is_fd = f->ret >= 0 && (A(0) == 0 || A(0) == 5); /* BPF_MAP_CREATE, BPF_PROG_LOAD */
	evb_begin(&b, f, PPME_SYSCALL_BPF_X, 1);
	put_dyn_u64(&b, is_fd ? 0 : 1, f->ret);
	return evb_submit(&b);
}

static __always_inline int f_ptrace_e(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, PPME_SYSCALL_PTRACE_E, 2);
	put_u16(&b, ptrace_request_to_scap(A(0)));
	put_fd(&b, A(1));
	return evb_submit(&b);
}

/* ptrace exit: res, addr, data (PT_DYN: index 0 a u64, index 1 a signal); the word read by PEEK* requests */
static __always_inline int f_ptrace_x(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	evb_begin(&b, f, PPME_SYSCALL_PTRACE_X, 3);
	put_u64(&b, f->ret);
	if (f->ret < 0) {
		put_dyn_u64(&b, 0, 0);
		put_dyn_u64(&b, 0, 0);
		return evb_submit(&b);
	}
	__u16 req = ptrace_request_to_scap(A(0));
	put_dyn_u64(&b, 0, A(2));
	if (req == PPM_PTRACE_PEEKTEXT || req == PPM_PTRACE_PEEKDATA || req == PPM_PTRACE_PEEKUSR)
		put_dyn_u64(&b, 0, user_u64(A(3)));
	else if (req == PPM_PTRACE_CONT || req == PPM_PTRACE_SINGLESTEP || req == PPM_PTRACE_DETACH ||
		 req == PPM_PTRACE_SYSCALL)
		put_dyn_u8(&b, 1, (__u8)A(3));
	else
		put_dyn_u64(&b, 0, A(3));
	return evb_submit(&b);
}

/* ---- socket options ----------------------------------------------------------------------------- */

#define MAX_SOCKOPT 4096

/* the option value as sysdig 0.29 shows it (PT_DYN): integers, errno, time, or the raw bytes */
static __always_inline void put_sockopt_val(struct evb *b, __u64 level, __u64 name, __u64 optval, __u32 optlen)
{
	__u8 kind = sockopt_value_kind(level, name);
	if (kind == SOCKOPT_IDX_UNKNOWN) {
		__u8 *d = evb_cur(b);
		d[0] = SOCKOPT_IDX_UNKNOWN;
		__u32 n = optlen > MAX_SOCKOPT ? MAX_SOCKOPT : optlen;
		opaque(n);
		n &= (MAX_SOCKOPT * 2 - 1);
		__u32 pos = b->off + 1;
		opaque(pos);
		if (n && (!optval || bpf_probe_read_user(&b->f->data[pos & OFF_MASK], n, (const void *)optval)))
			n = 0;
		evb_param_done(b, 1 + n);
	} else if (kind == SOCKOPT_IDX_TIMEVAL) {
		struct { __s64 sec, usec; } tv = {};
		if (optval)
			bpf_probe_read_user(&tv, sizeof(tv), (const void *)optval);
		put_dyn_u64(b, kind, tv.sec * 1000000000ULL + tv.usec * 1000);
	} else if (kind == SOCKOPT_IDX_UINT64) {
		put_dyn_u64(b, kind, user_u64(optval));
	} else if (kind == SOCKOPT_IDX_ERRNO) {
		/* sysdig negates the unsigned 32-bit value */
		put_dyn_u64(b, kind, (__u32)(-user_u32(optval)));
	} else {
		__u8 *d = evb_cur(b);
		d[0] = kind;
		*(__u32 *)(d + 1) = user_u32(optval);
		evb_param_done(b, 5);
	}
}

/* setsockopt, getsockopt exit: res, fd, level, optname, val, optlen (getsockopt's as the call left it) */
static __always_inline int f_sockopt_x(void *ctx)
{
	FRAME_OR_RETURN(f);
	struct evb b;
	__u32 ev = sys_table[f->id & 511].exit;
	__u32 optlen = ev == PPME_SOCKET_GETSOCKOPT_X ? user_u32(A(4)) : (__u32)A(4);
	evb_begin(&b, f, ev, 6);
	put_u64(&b, f->ret);
	put_fd(&b, A(0));
	put_u8(&b, sockopt_level_to_scap(A(1)));
	put_u8(&b, sockopt_optname_to_scap(A(1), A(2)));
	put_sockopt_val(&b, A(1), A(2), A(3), optlen);
	put_u32(&b, optlen);
	return evb_submit(&b);
}

/* ---- filler registrations (program name = flavour letter + '_' + sysdig event number) ------------ */

ENTER_FILLER(PPME_SYSCALL_OPEN_E, f_open_e)
EXIT_FILLER(PPME_SYSCALL_OPEN_X, f_open_x)
EXIT_FILLER(PPME_SYSCALL_READ_X, f_read_x)
EXIT_FILLER(PPME_SYSCALL_WRITE_X, f_write_x)
ENTER_FILLER(PPME_SOCKET_SOCKET_E, f_socket_e)
EXIT_FILLER(PPME_SOCKET_BIND_X, f_bind_x)
ENTER_FILLER(PPME_SOCKET_CONNECT_E, f_connect_e)
EXIT_FILLER(PPME_SOCKET_CONNECT_X, f_connect_x)
ENTER_FILLER(PPME_SOCKET_LISTEN_E, f_listen_e)
ENTER_FILLER(PPME_SOCKET_SENDTO_E, f_sendto_e)
EXIT_FILLER(PPME_SOCKET_SENDTO_X, f_read_x)         /* sendto: data = what was sent */
EXIT_FILLER(PPME_SOCKET_RECVFROM_X, f_recvfrom_x)
ENTER_FILLER(PPME_SOCKET_SHUTDOWN_E, f_shutdown_e)
ENTER_FILLER(PPME_SOCKET_SOCKETPAIR_E, f_socket_e)      /* socketpair */
EXIT_FILLER(PPME_SOCKET_SOCKETPAIR_X, f_socketpair_x)
ENTER_FILLER(PPME_SOCKET_SENDMSG_E, f_sendmsg_e)
EXIT_FILLER(PPME_SOCKET_SENDMSG_X, f_sendmsg_x)
EXIT_FILLER(PPME_SOCKET_RECVMSG_X, f_recvmsg_x)
ENTER_FILLER(PPME_SYSCALL_CREAT_E, f_creat_e)
EXIT_FILLER(PPME_SYSCALL_CREAT_X, f_creat_x)
EXIT_FILLER(PPME_SYSCALL_PIPE_X, f_pipe_x)
ENTER_FILLER(PPME_SYSCALL_FUTEX_E, f_futex_e)
EXIT_FILLER(PPME_SYSCALL_STAT_X, f_res_path_x)
EXIT_FILLER(PPME_SYSCALL_LSTAT_X, f_res_path_x)
ENTER_FILLER(PPME_SYSCALL_EPOLLWAIT_E, f_epoll_wait_e)
ENTER_FILLER(PPME_SYSCALL_POLL_E, f_poll_e)
EXIT_FILLER(PPME_SYSCALL_POLL_X, f_poll_x)
ENTER_FILLER(PPME_SYSCALL_LSEEK_E, f_lseek_e)
EXIT_FILLER(PPME_SYSCALL_CHDIR_X, f_res_path_x)
EXIT_FILLER(PPME_SYSCALL_PREAD_X, f_read_x)
EXIT_FILLER(PPME_SYSCALL_PWRITE_X, f_write_x)
EXIT_FILLER(PPME_SYSCALL_READV_X, f_readv_x)
ENTER_FILLER(PPME_SYSCALL_WRITEV_E, f_writev_e)
EXIT_FILLER(PPME_SYSCALL_WRITEV_X, f_writev_x)
ENTER_FILLER(PPME_SYSCALL_PREADV_E, f_preadv_e)
EXIT_FILLER(PPME_SYSCALL_PREADV_X, f_readv_x)
ENTER_FILLER(PPME_SYSCALL_PWRITEV_E, f_writev_e)     /* pwritev */
EXIT_FILLER(PPME_SYSCALL_PWRITEV_X, f_writev_x)
ENTER_FILLER(PPME_SYSCALL_KILL_E, f_kill_e)
ENTER_FILLER(PPME_SYSCALL_TKILL_E, f_kill_e)       /* tkill */
ENTER_FILLER(PPME_SYSCALL_TGKILL_E, f_kill_e)       /* tgkill */
ENTER_FILLER(PPME_SYSCALL_NANOSLEEP_E, f_nanosleep_e)
ENTER_FILLER(PPME_SYSCALL_FCNTL_E, f_fcntl_e)
ENTER_FILLER(PPME_SYSCALL_BRK_4_E, f_brk_e)
EXIT_FILLER(PPME_SYSCALL_BRK_4_X, f_mem_x)
ENTER_FILLER(PPME_SYSCALL_MMAP_E, f_mmap_e)
EXIT_FILLER(PPME_SYSCALL_MMAP_X, f_mem_x)
ENTER_FILLER(PPME_SYSCALL_MUNMAP_E, f_munmap_e)
EXIT_FILLER(PPME_SYSCALL_MUNMAP_X, f_mem_x)
ENTER_FILLER(PPME_SYSCALL_IOCTL_3_E, f_ioctl_e)
EXIT_FILLER(PPME_SYSCALL_RENAME_X, f_two_paths_x)
EXIT_FILLER(PPME_SYSCALL_RENAMEAT_X, f_renameat_x)
EXIT_FILLER(PPME_SYSCALL_CLONE_20_X, f_clone_x)
EXIT_FILLER(PPME_SYSCALL_FORK_20_X, f_clone_x)
EXIT_FILLER(PPME_SYSCALL_VFORK_20_X, f_clone_x)
EXIT_FILLER(PPME_SOCKET_ACCEPT_5_X, f_accept_x)
ENTER_FILLER(PPME_SOCKET_ACCEPT4_5_E, f_accept4_e)
EXIT_FILLER(PPME_SOCKET_ACCEPT4_5_X, f_accept_x)
ENTER_FILLER(PPME_SYSCALL_MKDIR_2_E, f_mkdir_e)
EXIT_FILLER(PPME_SYSCALL_MKDIR_2_X, f_res_path_x)
EXIT_FILLER(PPME_SYSCALL_RMDIR_2_X, f_res_path_x)
ENTER_FILLER(PPME_SYSCALL_EXECVE_19_E, f_execve_e)
EXIT_FILLER(PPME_SYSCALL_EXECVE_19_X, f_execve_x)
EXIT_FILLER(PPME_SYSCALL_UNLINK_2_X, f_res_path_x)
EXIT_FILLER(PPME_SYSCALL_UNLINKAT_2_X, f_unlinkat_x)
EXIT_FILLER(PPME_SYSCALL_MKDIRAT_X, f_mkdirat_x)
ENTER_FILLER(PPME_SYSCALL_OPENAT_2_E, f_openat_e)
EXIT_FILLER(PPME_SYSCALL_OPENAT_2_X, f_openat_x)
EXIT_FILLER(PPME_SYSCALL_RENAMEAT2_X, f_renameat_x)
ENTER_FILLER(PPME_SYSCALL_OPENAT2_E, f_openat2_e)
EXIT_FILLER(PPME_SYSCALL_OPENAT2_X, f_openat2_x)
ENTER_FILLER(PPME_SYSCALL_EXECVEAT_E, f_execve_e)     /* execveat */
EXIT_FILLER(PPME_SYSCALL_EXECVEAT_X, f_execve_x)
EXIT_FILLER(PPME_SYSCALL_CLONE3_X, f_clone_x)

ENTER_FILLER(PPME_SYSCALL_EVENTFD_E, f_eventfd_e)      /* eventfd, eventfd2 */
EXIT_FILLER(PPME_SYSCALL_GETCWD_X, f_getcwd_x)
ENTER_FILLER(PPME_SYSCALL_SIGNALFD_E, f_signalfd_e)    /* signalfd, signalfd4 */
ENTER_FILLER(PPME_SYSCALL_TIMERFD_CREATE_E, f_timerfd_create_e)
ENTER_FILLER(PPME_SYSCALL_INOTIFY_INIT_E, f_inotify_init_e) /* inotify_init, inotify_init1 */
ENTER_FILLER(PPME_SYSCALL_SPLICE_E, f_splice_e)
EXIT_FILLER(PPME_SYSCALL_SYMLINK_X, f_two_paths_x)   /* symlink */
EXIT_FILLER(PPME_SYSCALL_SYMLINKAT_X, f_symlinkat_x)
ENTER_FILLER(PPME_SYSCALL_SENDFILE_E, f_sendfile_e)
EXIT_FILLER(PPME_SYSCALL_SENDFILE_X, f_sendfile_x)
ENTER_FILLER(PPME_SYSCALL_SETRESUID_E, f_id3_e)        /* setresuid */
ENTER_FILLER(PPME_SYSCALL_SETRESGID_E, f_id3_e)        /* setresgid */
ENTER_FILLER(PPME_SYSCALL_SETUID_E, f_id_e)         /* setuid */
ENTER_FILLER(PPME_SYSCALL_SETGID_E, f_id_e)         /* setgid */
ENTER_FILLER(PPME_SYSCALL_SETNS_E, f_setns_e)
ENTER_FILLER(PPME_SYSCALL_FLOCK_E, f_flock_e)
ENTER_FILLER(PPME_SYSCALL_MOUNT_E, f_mount_e)
EXIT_FILLER(PPME_SYSCALL_MOUNT_X, f_mount_x)
ENTER_FILLER(PPME_SYSCALL_UMOUNT_E, f_umount_e)
EXIT_FILLER(PPME_SYSCALL_UMOUNT_X, f_res_path_x)    /* umount2 */
ENTER_FILLER(PPME_SYSCALL_ACCESS_E, f_access_e)
EXIT_FILLER(PPME_SYSCALL_ACCESS_X, f_res_path_x)    /* access */
EXIT_FILLER(PPME_SYSCALL_CHROOT_X, f_res_path_x)    /* chroot */
ENTER_FILLER(PPME_SYSCALL_UNSHARE_E, f_unshare_e)
ENTER_FILLER(PPME_SYSCALL_SETPGID_E, f_setpgid_e)
EXIT_FILLER(PPME_SYSCALL_LINK_2_X, f_two_paths_x)   /* link */
EXIT_FILLER(PPME_SYSCALL_LINKAT_2_X, f_linkat_x)
EXIT_FILLER(PPME_SYSCALL_FCHMODAT_X, f_fchmodat_x)
EXIT_FILLER(PPME_SYSCALL_CHMOD_X, f_chmod_x)
EXIT_FILLER(PPME_SYSCALL_FCHMOD_X, f_fchmod_x)
EXIT_FILLER(PPME_SYSCALL_USERFAULTFD_X, f_userfaultfd_x)
ENTER_FILLER(PPME_SYSCALL_MPROTECT_E, f_mprotect_e)
ENTER_FILLER(PPME_SYSCALL_COPY_FILE_RANGE_E, f_copy_file_range_e)
EXIT_FILLER(PPME_SYSCALL_COPY_FILE_RANGE_X, f_copy_file_range_x)

EXIT_FILLER(PPME_SOCKET_SETSOCKOPT_X, f_sockopt_x)      /* setsockopt */
EXIT_FILLER(PPME_SOCKET_GETSOCKOPT_X, f_sockopt_x)      /* getsockopt */
ENTER_FILLER(PPME_SYSCALL_GETRLIMIT_E, f_rlimit_e)     /* getrlimit */
EXIT_FILLER(PPME_SYSCALL_GETRLIMIT_X, f_rlimit_x)
ENTER_FILLER(PPME_SYSCALL_SETRLIMIT_E, f_rlimit_e)     /* setrlimit */
EXIT_FILLER(PPME_SYSCALL_SETRLIMIT_X, f_rlimit_x)
ENTER_FILLER(PPME_SYSCALL_PRLIMIT_E, f_prlimit_e)
EXIT_FILLER(PPME_SYSCALL_PRLIMIT_X, f_prlimit_x)
ENTER_FILLER(PPME_SYSCALL_PTRACE_E, f_ptrace_e)
EXIT_FILLER(PPME_SYSCALL_PTRACE_X, f_ptrace_x)
EXIT_FILLER(PPME_SYSCALL_GETRESUID_X, f_getresid_x)    /* getresuid */
EXIT_FILLER(PPME_SYSCALL_GETRESGID_X, f_getresid_x)    /* getresgid */
ENTER_FILLER(PPME_SYSCALL_SEMOP_E, f_semop_e)
EXIT_FILLER(PPME_SYSCALL_SEMOP_X, f_semop_x)
ENTER_FILLER(PPME_SYSCALL_SEMCTL_E, f_semctl_e)
ENTER_FILLER(PPME_SYSCALL_PPOLL_E, f_ppoll_e)
EXIT_FILLER(PPME_SYSCALL_PPOLL_X, f_poll_x)        /* ppoll */
ENTER_FILLER(PPME_SYSCALL_SEMGET_E, f_semget_e)
ENTER_FILLER(PPME_SYSCALL_BPF_E, f_bpf_e)
EXIT_FILLER(PPME_SYSCALL_BPF_X, f_bpf_x)
ENTER_FILLER(PPME_SYSCALL_SECCOMP_E, f_seccomp_e)
ENTER_FILLER(PPME_SYSCALL_QUOTACTL_E, f_quotactl_e)
EXIT_FILLER(PPME_SYSCALL_QUOTACTL_X, f_quotactl_x)

/* ---- fixed-size events ---------------------------------------------------------------------------
 * The commonest events have a fixed size: they are reserved straight in the CPU's ring and written there
 * by the dispatcher (no copy from the frame, no tail call). Their layout is exactly what the evb builder
 * would produce for the same event. */

#define K_TAIL 0      /* filler program (tail call), else generic */
#define K_FD_E 1      /* fd */
#define K_EMPTY_E 2   /* no parameters */
#define K_RW_E 3      /* fd, size */
#define K_RWPOS_E 4   /* fd, size, pos */
#define K_RES_X 5     /* res */
#define K_ID_X 6      /* res as a 32-bit id (getuid and friends) */

static const __u8 ev_kind[PPM_EVENT_MAX] = {
	[PPME_SYSCALL_CLOSE_E] = K_FD_E,
	[PPME_SYSCALL_CLOSE_X] = K_RES_X,
	[PPME_SYSCALL_READ_E] = K_RW_E,
	[PPME_SYSCALL_WRITE_E] = K_RW_E,
	[PPME_SOCKET_SOCKET_X] = K_RES_X,
	[PPME_SOCKET_BIND_E] = K_FD_E,
	[PPME_SOCKET_LISTEN_X] = K_RES_X,
	[PPME_SOCKET_RECVFROM_E] = K_RW_E,
	[PPME_SOCKET_SHUTDOWN_X] = K_RES_X,
	[PPME_SOCKET_RECVMSG_E] = K_FD_E,
	[PPME_SYSCALL_PIPE_E] = K_EMPTY_E,
	[PPME_SYSCALL_FUTEX_X] = K_RES_X,
	[PPME_SYSCALL_STAT_E] = K_EMPTY_E,
	[PPME_SYSCALL_LSTAT_E] = K_EMPTY_E,
	[PPME_SYSCALL_FSTAT_E] = K_FD_E,
	[PPME_SYSCALL_FSTAT_X] = K_RES_X,
	[PPME_SYSCALL_EPOLLWAIT_X] = K_RES_X,
	[PPME_SYSCALL_SELECT_E] = K_EMPTY_E,
	[PPME_SYSCALL_SELECT_X] = K_RES_X,
	[PPME_SYSCALL_LSEEK_X] = K_RES_X,
	[PPME_SYSCALL_CHDIR_E] = K_EMPTY_E,
	[PPME_SYSCALL_FCHDIR_E] = K_FD_E,
	[PPME_SYSCALL_FCHDIR_X] = K_RES_X,
	[PPME_SYSCALL_PREAD_E] = K_RWPOS_E,
	[PPME_SYSCALL_PWRITE_E] = K_RWPOS_E,
	[PPME_SYSCALL_READV_E] = K_FD_E,
	[PPME_SYSCALL_DUP_E] = K_FD_E,
	[PPME_SYSCALL_DUP_X] = K_RES_X,
	[PPME_SYSCALL_KILL_X] = K_RES_X,
	[PPME_SYSCALL_TKILL_X] = K_RES_X,
	[PPME_SYSCALL_TGKILL_X] = K_RES_X,
	[PPME_SYSCALL_NANOSLEEP_X] = K_RES_X,
	[PPME_SYSCALL_FCNTL_X] = K_RES_X,
	[PPME_SYSCALL_IOCTL_3_X] = K_RES_X,
	[PPME_SYSCALL_RENAME_E] = K_EMPTY_E,
	[PPME_SYSCALL_RENAMEAT_E] = K_EMPTY_E,
	[PPME_SYSCALL_CLONE_20_E] = K_EMPTY_E,
	[PPME_SYSCALL_FORK_20_E] = K_EMPTY_E,
	[PPME_SYSCALL_VFORK_20_E] = K_EMPTY_E,
	[PPME_SOCKET_ACCEPT_5_E] = K_EMPTY_E,
	[PPME_SYSCALL_RMDIR_2_E] = K_EMPTY_E,
	[PPME_SYSCALL_UNLINK_2_E] = K_EMPTY_E,
	[PPME_SYSCALL_UNLINKAT_2_E] = K_EMPTY_E,
	[PPME_SYSCALL_MKDIRAT_E] = K_EMPTY_E,
	[PPME_SYSCALL_RENAMEAT2_E] = K_EMPTY_E,
	[PPME_SYSCALL_CLONE3_E] = K_EMPTY_E,
	/* fd-creating and state-changing calls */
	[PPME_SYSCALL_EVENTFD_X] = K_RES_X,    /* eventfd */
	[PPME_SYSCALL_GETCWD_E] = K_EMPTY_E,  /* getcwd */
	[PPME_SYSCALL_SIGNALFD_X] = K_RES_X,   /* signalfd */
	[PPME_SYSCALL_TIMERFD_CREATE_X] = K_RES_X,   /* timerfd_create */
	[PPME_SYSCALL_INOTIFY_INIT_X] = K_RES_X,   /* inotify_init */
	[PPME_SYSCALL_SETRESUID_X] = K_RES_X,   /* setresuid */
	[PPME_SYSCALL_SETRESGID_X] = K_RES_X,   /* setresgid */
	[PPME_SYSCALL_SETUID_X] = K_RES_X,   /* setuid */
	[PPME_SYSCALL_SETGID_X] = K_RES_X,   /* setgid */
	[PPME_SYSCALL_SETNS_X] = K_RES_X,   /* setns */
	[PPME_SYSCALL_CHROOT_E] = K_EMPTY_E, /* chroot */
	[PPME_SYSCALL_SETSID_E] = K_EMPTY_E, /* setsid */
	[PPME_SYSCALL_SETSID_X] = K_RES_X,
	[PPME_SYSCALL_UNSHARE_X] = K_RES_X,   /* unshare */
	[PPME_SYSCALL_SETPGID_X] = K_RES_X,   /* setpgid */
	[PPME_SYSCALL_USERFAULTFD_E] = K_EMPTY_E, /* userfaultfd */
	/* files */
	[PPME_SYSCALL_SPLICE_X] = K_RES_X,   /* splice */
	[PPME_SYSCALL_SYMLINK_E] = K_EMPTY_E, /* symlink */
	[PPME_SYSCALL_SYMLINKAT_E] = K_EMPTY_E, /* symlinkat */
	[PPME_SYSCALL_GETDENTS_E] = K_FD_E,    /* getdents */
	[PPME_SYSCALL_GETDENTS_X] = K_RES_X,
	[PPME_SYSCALL_GETDENTS64_E] = K_FD_E,    /* getdents64 */
	[PPME_SYSCALL_GETDENTS64_X] = K_RES_X,
	[PPME_SYSCALL_FLOCK_X] = K_RES_X,   /* flock */
	[PPME_SYSCALL_LINK_2_E] = K_EMPTY_E, /* link */
	[PPME_SYSCALL_LINKAT_2_E] = K_EMPTY_E, /* linkat */
	[PPME_SYSCALL_FCHMODAT_E] = K_EMPTY_E, /* fchmodat */
	[PPME_SYSCALL_CHMOD_E] = K_EMPTY_E, /* chmod */
	[PPME_SYSCALL_FCHMOD_E] = K_EMPTY_E, /* fchmod */
	[PPME_SYSCALL_MPROTECT_X] = K_RES_X,   /* mprotect */
	/* the rest */
	[PPME_SOCKET_GETSOCKNAME_E] = K_EMPTY_E,  /* getsockname: no parameters either way */
	[PPME_SOCKET_GETSOCKNAME_X] = K_EMPTY_E,
	[PPME_SOCKET_GETPEERNAME_E] = K_EMPTY_E,  /* getpeername */
	[PPME_SOCKET_GETPEERNAME_X] = K_EMPTY_E,
	[PPME_SOCKET_SENDMMSG_E] = K_EMPTY_E,  /* sendmmsg */
	[PPME_SOCKET_SENDMMSG_X] = K_EMPTY_E,
	[PPME_SOCKET_RECVMMSG_E] = K_EMPTY_E,  /* recvmmsg */
	[PPME_SOCKET_RECVMMSG_X] = K_EMPTY_E,
	[PPME_SOCKET_SETSOCKOPT_E] = K_EMPTY_E,  /* setsockopt */
	[PPME_SOCKET_GETSOCKOPT_E] = K_EMPTY_E,  /* getsockopt */
	[PPME_SYSCALL_GETUID_E] = K_EMPTY_E, /* getuid */
	[PPME_SYSCALL_GETUID_X] = K_ID_X,
	[PPME_SYSCALL_GETEUID_E] = K_EMPTY_E, /* geteuid */
	[PPME_SYSCALL_GETEUID_X] = K_ID_X,
	[PPME_SYSCALL_GETGID_E] = K_EMPTY_E, /* getgid */
	[PPME_SYSCALL_GETGID_X] = K_ID_X,
	[PPME_SYSCALL_GETEGID_E] = K_EMPTY_E, /* getegid */
	[PPME_SYSCALL_GETEGID_X] = K_ID_X,
	[PPME_SYSCALL_GETRESUID_E] = K_EMPTY_E, /* getresuid */
	[PPME_SYSCALL_GETRESGID_E] = K_EMPTY_E, /* getresgid */
	[PPME_SYSCALL_SEMCTL_X] = K_RES_X,   /* semctl */
	[PPME_SYSCALL_SEMGET_X] = K_RES_X,   /* semget */
	[PPME_SYSCALL_SECCOMP_X] = K_RES_X,   /* seccomp */
};

static __always_inline void fixed_hdr(__u8 *d, __u64 ts, struct frame *f, __u32 type, __u32 len, __u32 nparams)
{
	*(__u64 *)(d + 0) = ts;
	*(__u64 *)(d + 8) = (__u32)f->pid_tgid;
	*(__u32 *)(d + 16) = len;
	*(__u16 *)(d + 20) = (__u16)type;
	*(__u16 *)(d + 22) = (__u16)nparams;
	*(__u16 *)(d + 24) = 0;
}

/* Emits the event of kind k (K_TAIL: generic) for ev; returns 0. */
static __always_inline int emit_fixed(struct frame *f, __u32 kind, __u32 ev, int exit)
{
	__u64 ts = bpf_ktime_get_boot_ns() + boot_to_epoch_ns;
	__u32 cpu = bpf_get_smp_processor_id();
	void *rb = bpf_map_lookup_elem(&rings, &cpu);
	__u8 *d;
	if (!rb)
		goto drop;
	__u32 id = f->id & (SYSCALL_TABLE_SIZE - 1);
	switch (kind) {
	case K_FD_E:
		d = bpf_ringbuf_reserve(rb, EVT_HDR_SIZE + 2 + 8, 0);
		if (!d)
			goto drop;
		fixed_hdr(d, ts, f, ev, EVT_HDR_SIZE + 2 + 8, 1);
		*(__u16 *)(d + 26) = 8;
		*(__u64 *)(d + 28) = (__s64)(__s32)f->args[0];
		break;
	case K_EMPTY_E:
		d = bpf_ringbuf_reserve(rb, EVT_HDR_SIZE, 0);
		if (!d)
			goto drop;
		fixed_hdr(d, ts, f, ev, EVT_HDR_SIZE, 0);
		break;
	case K_RW_E:
		d = bpf_ringbuf_reserve(rb, EVT_HDR_SIZE + 4 + 8 + 4, 0);
		if (!d)
			goto drop;
		fixed_hdr(d, ts, f, ev, EVT_HDR_SIZE + 4 + 8 + 4, 2);
		*(__u16 *)(d + 26) = 8;
		*(__u16 *)(d + 28) = 4;
		*(__u64 *)(d + 30) = (__s64)(__s32)f->args[0];
		*(__u32 *)(d + 38) = (__u32)f->args[2];
		break;
	case K_RWPOS_E:
		d = bpf_ringbuf_reserve(rb, EVT_HDR_SIZE + 6 + 8 + 4 + 8, 0);
		if (!d)
			goto drop;
		fixed_hdr(d, ts, f, ev, EVT_HDR_SIZE + 6 + 8 + 4 + 8, 3);
		*(__u16 *)(d + 26) = 8;
		*(__u16 *)(d + 28) = 4;
		*(__u16 *)(d + 30) = 8;
		*(__u64 *)(d + 32) = (__s64)(__s32)f->args[0];
		*(__u32 *)(d + 40) = (__u32)f->args[2];
		*(__u64 *)(d + 44) = f->args[3];
		break;
	case K_RES_X:
		d = bpf_ringbuf_reserve(rb, EVT_HDR_SIZE + 2 + 8, 0);
		if (!d)
			goto drop;
		fixed_hdr(d, ts, f, ev, EVT_HDR_SIZE + 2 + 8, 1);
		*(__u16 *)(d + 26) = 8;
		*(__u64 *)(d + 28) = f->ret;
		break;
	case K_ID_X:
		d = bpf_ringbuf_reserve(rb, EVT_HDR_SIZE + 2 + 4, 0);
		if (!d)
			goto drop;
		fixed_hdr(d, ts, f, ev, EVT_HDR_SIZE + 2 + 4, 1);
		*(__u16 *)(d + 26) = 4;
		*(__u32 *)(d + 28) = (__u32)f->ret;
		break;
	default:
		/* generic: ID (ppm_sc) and nativeID on enter, ID on exit */
		if (!exit) {
			d = bpf_ringbuf_reserve(rb, EVT_HDR_SIZE + 4 + 4, 0);
			if (!d)
				goto drop;
			fixed_hdr(d, ts, f, PPME_GENERIC_E, EVT_HDR_SIZE + 4 + 4, 2);
			*(__u16 *)(d + 26) = 2;
			*(__u16 *)(d + 28) = 2;
			*(__u16 *)(d + 30) = sys_table[id].ppm_sc;
			*(__u16 *)(d + 32) = (__u16)id;
		} else {
			d = bpf_ringbuf_reserve(rb, EVT_HDR_SIZE + 2 + 2, 0);
			if (!d)
				goto drop;
			fixed_hdr(d, ts, f, PPME_GENERIC_X, EVT_HDR_SIZE + 2 + 2, 1);
			*(__u16 *)(d + 26) = 2;
			*(__u16 *)(d + 28) = sys_table[id].ppm_sc;
		}
		break;
	}
	bpf_ringbuf_submit(d, BPF_RB_NO_WAKEUP);
	stat_inc(STAT_EVENTS);
	return 0;
drop:
	stat_inc(STAT_DROPS);
	return 0;
}

/* ---- dispatchers -------------------------------------------------------------------------------- */

static __always_inline int dispatch_enter(void *ctx, struct frame *f)
{
	__u32 ev = sys_table[f->id & 511].enter;
	__u32 kind = ev < PPM_EVENT_MAX ? ev_kind[ev] : K_TAIL;
	if (ev && kind == K_TAIL)
		bpf_tail_call(ctx, &enter_progs, ev);
	return emit_fixed(f, ev ? kind : K_TAIL, ev, 0);
}

static __always_inline int dispatch_exit(void *ctx, struct frame *f)
{
	__u32 ev = sys_table[f->id & 511].exit;
	__u32 kind = ev < PPM_EVENT_MAX ? ev_kind[ev] : K_TAIL;
	if (ev > 1 && kind == K_TAIL)
		bpf_tail_call(ctx, &exit_progs, ev);
	return emit_fixed(f, ev > 1 ? kind : K_TAIL, ev, 1);
}

SEC("tp_btf/sys_enter")
int BPF_PROG(b_sys_enter, struct pt_regs *regs, long id)
{
	struct frame *f = prep(id);
	if (!f)
		return 0;
	f->args[0] = regs->di;
	f->args[1] = regs->si;
	f->args[2] = regs->dx;
	f->args[3] = regs->r10;
	f->args[4] = regs->r8;
	f->args[5] = regs->r9;
	return dispatch_enter(ctx, f);
}

SEC("tp_btf/sys_exit")
int BPF_PROG(b_sys_exit, struct pt_regs *regs, long ret)
{
	struct frame *f = prep(regs->orig_ax);
	if (!f)
		return 0;
	f->ret = ret;
	f->args[0] = regs->di;
	f->args[1] = regs->si;
	f->args[2] = regs->dx;
	f->args[3] = regs->r10;
	f->args[4] = regs->r8;
	f->args[5] = regs->r9;
	return dispatch_exit(ctx, f);
}

SEC("raw_tp/sys_enter")
int BPF_PROG(r_sys_enter, struct pt_regs *regs, long id)
{
	struct frame *f = prep(id);
	if (!f)
		return 0;
	f->args[0] = BPF_CORE_READ(regs, di);
	f->args[1] = BPF_CORE_READ(regs, si);
	f->args[2] = BPF_CORE_READ(regs, dx);
	f->args[3] = BPF_CORE_READ(regs, r10);
	f->args[4] = BPF_CORE_READ(regs, r8);
	f->args[5] = BPF_CORE_READ(regs, r9);
	return dispatch_enter(ctx, f);
}

SEC("raw_tp/sys_exit")
int BPF_PROG(r_sys_exit, struct pt_regs *regs, long ret)
{
	struct frame *f = prep(BPF_CORE_READ(regs, orig_ax));
	if (!f)
		return 0;
	f->ret = ret;
	f->args[0] = BPF_CORE_READ(regs, di);
	f->args[1] = BPF_CORE_READ(regs, si);
	f->args[2] = BPF_CORE_READ(regs, dx);
	f->args[3] = BPF_CORE_READ(regs, r10);
	f->args[4] = BPF_CORE_READ(regs, r8);
	f->args[5] = BPF_CORE_READ(regs, r9);
	return dispatch_exit(ctx, f);
}

SEC("tracepoint/raw_syscalls/sys_enter")
int t_sys_enter(struct trace_event_raw_sys_enter *ctx)
{
	struct frame *f = prep(ctx->id);
	if (!f)
		return 0;
	struct saved_args sa;
	sa.args[0] = f->args[0] = ctx->args[0];
	sa.args[1] = f->args[1] = ctx->args[1];
	sa.args[2] = f->args[2] = ctx->args[2];
	sa.args[3] = f->args[3] = ctx->args[3];
	sa.args[4] = f->args[4] = ctx->args[4];
	sa.args[5] = f->args[5] = ctx->args[5];
	__u32 tid = (__u32)f->pid_tgid;
	bpf_map_update_elem(&tp_args, &tid, &sa, BPF_ANY);
	return dispatch_enter(ctx, f);
}

SEC("tracepoint/raw_syscalls/sys_exit")
int t_sys_exit(struct trace_event_raw_sys_exit *ctx)
{
	struct frame *f = prep(ctx->id);
	if (!f)
		return 0;
	f->ret = ctx->ret;
	__u32 tid = (__u32)f->pid_tgid;
	struct saved_args *sa = bpf_map_lookup_elem(&tp_args, &tid);
	for (int i = 0; i < 6; i++)
		f->args[i] = sa ? sa->args[i] : 0;
	if (sa)
		bpf_map_delete_elem(&tp_args, &tid);
	return dispatch_exit(ctx, f);
}

/* ---- scheduler tracepoints ---------------------------------------------------------------------- */

static __always_inline struct frame *prep_sched(__u32 slot)
{
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	if ((__u32)(pid_tgid >> 32) == self_tgid)
		return 0;
	if (!rt.enabled || !slot_on(slot))
		return 0;
	struct frame *f = cur_frame();
	if (!f)
		return 0;
	f->pid_tgid = pid_tgid;
	f->snaplen = rt.snaplen;
	return f;
}

static __always_inline int procexit(void)
{
	struct frame *f = prep_sched(SLOT_PROCEXIT);
	if (!f)
		return 0;
	struct evb b;
	struct task_struct *t = cur_task();
	int code = BPF_CORE_READ(t, exit_code);
	evb_begin(&b, f, PPME_PROCEXIT_1_E, 4);
	put_u64(&b, code);
	put_u64(&b, (code >> 8) & 0xff);
	put_u8(&b, ((code & 0x7f) && (code & 0x7f) != 0x7f) ? (code & 0x7f) : 0);
	put_u8(&b, (code & 0x80) ? 1 : 0);
	return evb_submit(&b);
}

static __always_inline int sched_switch(struct task_struct *next)
{
	struct frame *f = prep_sched(SLOT_SWITCH);
	if (!f)
		return 0;
	/* the idle task is not a thread anybody asks about */
	if ((__u32)f->pid_tgid == 0)
		return 0;
	struct evb b;
	struct task_struct *t = cur_task();
	evb_begin(&b, f, PPME_SCHEDSWITCH_6_E, 6);
	put_u64(&b, BPF_CORE_READ(next, pid));
	put_u64(&b, BPF_CORE_READ(t, maj_flt));
	put_u64(&b, BPF_CORE_READ(t, min_flt));
	put_vm(&b, t);
	return evb_submit(&b);
}

/* A signal about to be delivered to the current thread (signal_deliver). The sender is known only for some
 * signals: the killer for SIGKILL; for SIGTERM, SIGHUP, SIGINT, SIGTSTP and SIGQUIT when sent from user space
 * (si_code SI_USER, SI_QUEUE or below); the child for SIGCHLD; the sender of a real-time signal. */
static __always_inline int signal_deliver(int sig, __s32 code, __s32 kill_pid, __s32 child_pid, __s32 rt_pid)
{
	struct frame *f = prep_sched(SLOT_SIGNAL);
	if (!f)
		return 0;
	__s32 spid = 0;
	switch (sig) {
	case 9: /* SIGKILL */
		spid = kill_pid;
		break;
	case 15: /* SIGTERM */
	case 1:  /* SIGHUP */
	case 2:  /* SIGINT */
	case 20: /* SIGTSTP */
	case 3:  /* SIGQUIT */
		if (code <= 0)
			spid = kill_pid;
		break;
	case 17: /* SIGCHLD */
		spid = child_pid;
		break;
	}
	if (sig >= 32 && sig <= 64)
		spid = rt_pid;
	struct evb b;
	evb_begin(&b, f, PPME_SIGNALDELIVER_E, 3);
	put_u64(&b, (__s64)spid);
	put_u64(&b, (__u32)f->pid_tgid);
	put_u8(&b, (__u8)sig);
	return evb_submit(&b);
}

static __always_inline int signal_from_info(int sig, struct kernel_siginfo *info)
{
	if (!info)
		return signal_deliver(sig, 1, 0, 0, 0);
	return signal_deliver(sig, BPF_CORE_READ(info, si_code), BPF_CORE_READ(info, _sifields._kill._pid),
			      BPF_CORE_READ(info, _sifields._sigchld._pid), BPF_CORE_READ(info, _sifields._rt._pid));
}

SEC("tp_btf/signal_deliver")
int BPF_PROG(b_signal, int sig, struct kernel_siginfo *info, struct k_sigaction *ka)
{
	return signal_from_info(sig, info);
}

SEC("raw_tp/signal_deliver")
int BPF_PROG(r_signal, int sig, struct kernel_siginfo *info, struct k_sigaction *ka)
{
	return signal_from_info(sig, info);
}

/* the classic tracepoint carries the signal and its code, not the sender */
SEC("tracepoint/signal/signal_deliver")
int t_signal(struct trace_event_raw_signal_deliver *ctx)
{
	return signal_deliver(ctx->sig, 1, 0, 0, 0);
}

SEC("tp_btf/sched_process_exit")
int BPF_PROG(b_procexit)
{
	return procexit();
}

SEC("raw_tp/sched_process_exit")
int BPF_PROG(r_procexit)
{
	return procexit();
}

SEC("tracepoint/sched/sched_process_exit")
int t_procexit(void *ctx)
{
	return procexit();
}

SEC("tp_btf/sched_switch")
int BPF_PROG(b_switch, bool preempt, struct task_struct *prev, struct task_struct *next)
{
	return sched_switch(next);
}

SEC("raw_tp/sched_switch")
int BPF_PROG(r_switch, bool preempt, struct task_struct *prev, struct task_struct *next)
{
	return sched_switch(next);
}

SEC("tracepoint/sched/sched_switch")
int t_switch(struct trace_event_raw_sched_switch *ctx)
{
	struct frame *f = prep_sched(SLOT_SWITCH);
	if (!f || (__u32)f->pid_tgid == 0)
		return 0;
	struct evb b;
	struct task_struct *t = cur_task();
	evb_begin(&b, f, PPME_SCHEDSWITCH_6_E, 6);
	put_u64(&b, ctx->next_pid);
	put_u64(&b, BPF_CORE_READ(t, maj_flt));
	put_u64(&b, BPF_CORE_READ(t, min_flt));
	put_vm(&b, t);
	return evb_submit(&b);
}
