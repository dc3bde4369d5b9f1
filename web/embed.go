// Package web holds the built web app (dist/, produced by `make web` from
// the TypeScript sources in this directory) so that agorad serves it
// without Node.js.
package web

import (
	"embed"
	"io/fs"
)

//go:embed dist
var dist embed.FS

// Assets is the built bundle, rooted at its index.html.
func Assets() fs.FS {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		panic(err) // "dist" is embedded above
	}
	return sub
}
