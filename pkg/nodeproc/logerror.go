package nodeproc

import (
	"bufio"
	"os"
	"strings"
)

// LastLogError is the last line this run of the node wrote to its log that
// reports an error (empty when there is none), to say in one line why a
// node stopped.
func (p *Process) LastLogError() string {
	f, err := os.Open(p.LogPath)
	if err != nil {
		return ""
	}
	defer f.Close()
	if _, err := f.Seek(p.logOffset, 0); err != nil {
		return ""
	}
	var last string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for sc.Scan() {
		line := sc.Text()
		lower := strings.ToLower(line)
		if strings.HasPrefix(line, "Error:") || strings.Contains(lower, "panic:") || strings.Contains(lower, " err=") || strings.Contains(lower, "address already in use") {
			last = strings.TrimSpace(line)
		}
	}
	const max = 300
	if len(last) > max {
		last = last[:max] + "…"
	}
	return last
}
