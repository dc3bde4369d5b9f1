package nodeproc

import "syscall"

// nodeProcAttr puts a node in its own process group (a Ctrl-C in the
// terminal reaches the parent only, which stops each node in order) and
// asks the kernel to send it SIGTERM should the parent die without
// stopping it.
func nodeProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGTERM}
}
