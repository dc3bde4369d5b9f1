package harness

import "syscall"

// nodeProcAttr puts a node in its own process group and has the kernel send
// it SIGTERM should the test binary die without stopping it.
func nodeProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGTERM}
}
