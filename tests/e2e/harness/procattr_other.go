//go:build !linux

package harness

import "syscall"

// nodeProcAttr puts a node in its own process group.
func nodeProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true}
}
