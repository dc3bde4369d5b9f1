//go:build !linux

package nodeproc

import "syscall"

// nodeProcAttr puts a node in its own process group: a Ctrl-C in the
// terminal reaches the parent only, which stops each node in order.
func nodeProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true}
}
