// Package e2e holds the end-to-end tests: real agorad processes on
// 127.0.0.1, driven through the CLI as a user would drive them. The tests
// that run their own 4-validator localnet for minutes are in
// tests/e2e/localnet, so that go test runs the two packages side by side.
package e2e
