#!/bin/bash
# Varied ordinary work for the differential live test: every line sysdig and jdig print for it must agree.
# Runs in the directory given as $1; prints "done" at the end.
set -u
cd "$1"
# redirects, heredocs, pipelines, subshells
echo one > out.txt
ls . >> out.txt 2>&1
cat <<HERE > here.txt
a heredoc line
HERE
cat out.txt | grep -c . | wc -l > count.txt
( cd /tmp && pwd > /dev/null )
# exec N>file and N>&M
exec 7> seven.txt
echo to-seven >&7
exec 8>&7
echo to-eight >&8
exec 7>&- 8>&-
{ echo grouped; } 2>&1 >> out.txt
python3 - "$1" <<'PY'
import ctypes, errno, os, signal, socket, struct, sys, threading, http.server, urllib.request
d = sys.argv[1]
libc = ctypes.CDLL(None, use_errno=True)
# dup2/dup3 onto open fds, F_DUPFD, close_range, O_CLOEXEC across exec, a failed exec
a = os.open("out.txt", os.O_RDONLY)
b = os.open("here.txt", os.O_RDONLY)
os.dup2(a, b)
os.read(b, 3)
c = os.open("count.txt", os.O_RDONLY)
os.dup2(a, c, inheritable=False)
import fcntl
e = fcntl.fcntl(a, fcntl.F_DUPFD, 20)
f = fcntl.fcntl(a, fcntl.F_DUPFD_CLOEXEC, 30)
os.read(e, 1); os.read(f, 1)
libc.syscall(436, 20, 40, 0)  # close_range(20, 40)
keep = os.open("out.txt", os.O_RDONLY)
gone = os.open("here.txt", os.O_RDONLY | os.O_CLOEXEC)
os.set_inheritable(keep, True)
pid = os.fork()
if pid == 0:
    try:
        os.execv("/nonexistent/prog", ["prog", "arg"])
    except OSError:
        pass
    os.dup2(os.open("/dev/null", os.O_WRONLY), 1)
    os.execv("/bin/cat", ["cat", "/proc/self/fdinfo/%d" % keep])
os.waitpid(pid, 0)
# chdir/fchdir, relative paths, *at calls
os.makedirs("sub/deeper", exist_ok=True)
os.chdir("sub")
os.chdir("deeper")
os.chdir("..")
dfd = os.open(".", os.O_RDONLY | os.O_DIRECTORY)
inner = os.open("deeper", os.O_RDONLY | os.O_DIRECTORY, dir_fd=dfd)
w = os.open("deeper/file", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=dfd)
os.write(w, b"x"); os.close(w)
r = os.open("file", os.O_RDONLY, dir_fd=inner)
os.read(r, 1); os.close(r)
os.unlink("deeper/file", dir_fd=dfd)
os.fchdir(inner)
os.fchdir(dfd)
os.chdir(d)
# threads
def work(i):
    fd = os.open("out.txt", os.O_RDONLY); os.read(fd, 2); os.close(fd)
ts = [threading.Thread(target=work, args=(i,)) for i in range(3)]
[t.start() for t in ts]; [t.join() for t in ts]
# vfork-style spawn
os.waitpid(os.posix_spawn("/bin/true", ["true"], os.environ), 0)
# HTTP over TCP on loopback, IPv4 and IPv6
class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *a): pass
class V6(http.server.HTTPServer):
    address_family = socket.AF_INET6
for cls, host, url in ((http.server.HTTPServer, "127.0.0.1", "http://127.0.0.1:%d/out.txt"),
                       (V6, "::1", "http://[::1]:%d/out.txt")):
    srv = cls((host, 0), Quiet)
    th = threading.Thread(target=srv.handle_request); th.start()
    urllib.request.urlopen(url % srv.server_address[1]).read()
    th.join(); srv.server_close()
# UDP: unconnected sendto / recvfrom, and connected
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.bind(("127.0.0.1", 0))
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.sendto(b"ping", u.getsockname()); data, peer = u.recvfrom(10); u.sendto(b"pong", peer); s.recvfrom(10)
s.sendto(b"again", u.getsockname()); u.recvfrom(10)
c2 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); c2.connect(u.getsockname()); c2.send(b"conn"); u.recv(10)
u6 = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM); u6.bind(("::1", 0))
s6 = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM); s6.sendto(b"six", u6.getsockname()); u6.recvfrom(10)
for x in (u, s, c2, u6, s6): x.close()
# accept4
l = socket.socket(); l.bind(("127.0.0.1", 0)); l.listen()
k = socket.create_connection(l.getsockname())
acc = libc.accept4(l.fileno(), None, None, os.O_CLOEXEC)
os.write(acc, b"hi"); k.recv(2); os.close(acc); k.close(); l.close()
# a non-blocking connect checked with getsockopt(SO_ERROR), as curl does
l = socket.socket(); l.bind(("127.0.0.1", 0)); l.listen()
nb = socket.socket(); nb.setblocking(False); nb.connect_ex(l.getsockname())
nb.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR); nb.close(); l.close()
# socketpair and fd passing
p1, p2 = socket.socketpair()
socket.send_fds(p1, [b"fd"], [a])
msg, fds, _, _ = socket.recv_fds(p2, 10, 1)
os.read(fds[0], 1)
# pipe2, eventfd, signalfd, timerfd, inotify, memfd_create
rp, wp = os.pipe2(os.O_CLOEXEC); os.write(wp, b"p"); os.read(rp, 1)
ev = os.eventfd(0); os.eventfd_write(ev, 1); os.eventfd_read(ev)
mask = ctypes.c_ulong(1 << (signal.SIGUSR1 - 1))
sfd = libc.signalfd(-1, ctypes.byref(mask), 0)
tfd = libc.timerfd_create(1, 0)
ino = libc.inotify_init1(0); libc.inotify_add_watch(ino, d.encode(), 0x100)
mfd = os.memfd_create("jdigmem"); os.write(mfd, b"m")
for x in (rp, wp, ev, sfd, tfd, ino, mfd): os.close(x)
# a process that exits while its children run
if os.fork() == 0:
    if os.fork() == 0:
        import time; time.sleep(0.3); os.open("out.txt", os.O_RDONLY); os._exit(0)
    os._exit(0)
os.wait()
import time; time.sleep(0.5)
PY
echo done
