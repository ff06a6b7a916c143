/* Constants shared by the jdig eBPF driver and its Java loader: io.jdig.capture.BpfLoader mirrors them, and
 * DriverContractTest checks the mirror (defines and struct layouts) against this file. */
#ifndef JDIG_H
#define JDIG_H

/* Event header (sysdig's ppm_evt_hdr v2): u64 ts, u64 tid, u32 len, u16 type, u32 nparams = 26 bytes. */
#define EVT_HDR_SIZE 26
#define MAX_PARAMS 32

/* Per-CPU scratch frame where an event is assembled before it is copied into the ring. Writes are
 * done at (offset & OFF_MASK) with sizes <= OFF_MASK, so the verifier can prove them inside the frame. */
#define SCRATCH_SIZE (1 << 17)
#define OFF_MASK ((1 << 16) - 1)
#define MAX_EVENT_LEN 65000
#define MAX_STR 4096          /* paths, exe, comm and friends */
#define MAX_ARGS_ENV 4096     /* execve args / env, as sysdig */
#define MAX_SNAPLEN 32768     /* upper bound of the I/O snapshot length */
#define DEFAULT_SNAPLEN 80

/* stats (per-CPU array) */
#define STAT_EVENTS 0     /* events written to the ring */
#define STAT_DROPS 1      /* ring full: event lost */
#define STAT_READ_FAIL 2  /* user memory could not be read (param left empty) */
#define STAT_TOO_BIG 3    /* event did not fit the frame */
#define STAT_MAX 4

/* interesting[] slots beyond the syscall numbers */
#define SLOT_SIGNAL 509
#define SLOT_PROCEXIT 510
#define SLOT_SWITCH 511
#define INTERESTING_SIZE 512

/* runtime configuration (.data.rt: the map's single element is this struct) */
struct jdig_rt {
	__u32 snaplen;
	__u32 enabled; /* 0: emit nothing (warm-up, shutdown) */
	__u8 interesting[INTERESTING_SIZE]; /* syscall numbers and SLOT_* */
};

/* load-time constants (.rodata.cfg) */
struct jdig_ro {
	__u64 boot_to_epoch_ns; /* added to bpf_ktime_get_boot_ns() to get ns since the epoch */
	__u32 self_tgid;        /* the capturing process: never traced */
	__u32 pad;
};

#define PPM_EVENT_MAX 336

#endif
