package cmd

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/agora-labs/agora/cmd/agorad/network"
	"github.com/agora-labs/agora/pkg/nodeproc"
)

// How the devnet and localnet commands treat a node that exits on its own:
// they say so in one line, keep the other nodes running and start it again
// after restartDelay, at most maxRestarts times in a row (a run that lasts
// stableRun starts the count again).
const (
	restartDelay = 3 * time.Second
	maxRestarts  = 5
	stableRun    = time.Minute
)

// supervisor runs the node processes of a network.
type supervisor struct {
	out      io.Writer
	bin      string
	procs    []*nodeproc.Process
	restarts []int
	exited   chan int
	due      chan int
}

func newSupervisor(out io.Writer, bin string, n int) *supervisor {
	return &supervisor{
		out: out, bin: bin,
		procs:    make([]*nodeproc.Process, n),
		restarts: make([]int, n),
		exited:   make(chan int, n),
		due:      make(chan int, n),
	}
}

// start starts node i and watches for its exit.
func (s *supervisor) start(i int, n network.NodeSpec) error {
	p, err := nodeproc.Start(s.bin, n)
	if err != nil {
		return err
	}
	s.procs[i] = p
	go func() { <-p.Done(); s.exited <- i }()
	return nil
}

// stopAll stops every running node, last first.
func (s *supervisor) stopAll() {
	for i := len(s.procs) - 1; i >= 0; i-- {
		if s.procs[i] == nil {
			continue
		}
		if err := s.procs[i].Stop(30 * time.Second); err != nil {
			fmt.Fprintln(s.out, err)
		}
	}
}

// running counts the nodes whose process is alive or due to restart.
func (s *supervisor) running() int {
	n := 0
	for i, p := range s.procs {
		if p != nil && (!p.Exited() || s.restarts[i] <= maxRestarts) {
			n++
		}
	}
	return n
}

// run supervises until a signal (stop every node, nil) or until no node is
// left to run (an error).
func (s *supervisor) run(signals <-chan os.Signal) error {
	for {
		select {
		case sig := <-signals:
			fmt.Fprintf(s.out, "\n%s: stopping %d node(s) ...\n", sig, len(s.procs))
			s.stopAll()
			fmt.Fprintln(s.out, "Stopped. Run the same command again to resume.")
			return nil
		case i := <-s.exited:
			s.onExit(i)
			if s.running() == 0 {
				return fmt.Errorf("every node has stopped; see the logs (<home>/agorad.log)")
			}
		case i := <-s.due:
			s.restart(i)
			if s.running() == 0 {
				return fmt.Errorf("every node has stopped; see the logs (<home>/agorad.log)")
			}
		}
	}
}

// onExit reports a node's exit in one line and schedules its restart.
func (s *supervisor) onExit(i int) {
	p := s.procs[i]
	if time.Since(p.Started) >= stableRun {
		s.restarts[i] = 0
	}
	s.restarts[i]++
	why := "exited"
	if err := p.Err(); err != nil {
		why = err.Error()
	}
	if cause := p.LastLogError(); cause != "" {
		why += ": " + cause
	}
	name := p.Spec.Moniker
	if s.restarts[i] > maxRestarts {
		fmt.Fprintf(s.out, "%s stopped again (%s); not restarting it after %d restarts. The other nodes keep running; start it by hand with: agorad start %s\n",
			name, why, maxRestarts, strings.Join(nodeproc.StartArgs(p.Spec)[1:], " "))
		return
	}
	fmt.Fprintf(s.out, "%s (pid %d) stopped (%s); the other nodes keep running; restarting it in %s (restart %d of %d; log %s)\n",
		name, p.Pid(), why, restartDelay, s.restarts[i], maxRestarts, p.LogPath)
	time.AfterFunc(restartDelay, func() { s.due <- i })
}

// restart starts node i again, unless its ports have been taken meanwhile.
func (s *supervisor) restart(i int) {
	spec := s.procs[i].Spec
	if err := network.CheckPortsFree(network.Listeners(spec, "")); err != nil {
		fmt.Fprintf(s.out, "%s not restarted: %v\n", spec.Moniker, err)
		s.restarts[i] = maxRestarts + 1
		return
	}
	if err := s.start(i, spec); err != nil {
		fmt.Fprintf(s.out, "%s not restarted: %v\n", spec.Moniker, err)
		s.restarts[i] = maxRestarts + 1
		return
	}
	fmt.Fprintf(s.out, "%s restarted (pid %d); it catches up with the others from its last block.\n", spec.Moniker, s.procs[i].Pid())
}
