package devgenesis

import "fmt"

// Ports are the loopback ports one node listens on.
type Ports struct {
	P2P  int
	RPC  int
	API  int
	GRPC int
	// ABCI is CometBFT's proxy_app address. agorad runs the app in-process
	// and never listens there, but each node still gets its own value.
	ABCI int
	// JSONRPC and JSONRPCWS are the Ethereum JSON-RPC server's HTTP and
	// websocket ports.
	JSONRPC   int
	JSONRPCWS int
	// Prometheus is the metrics endpoint (CometBFT's instrumentation
	// listener, which also serves the SDK's telemetry and Agora's metrics);
	// EVMMetrics is cosmos/evm's geth metrics server, which starts with
	// them. Zero turns metrics off.
	Prometheus int
	EVMMetrics int
}

// DevnetPorts are the devnet's default ports: the ecosystem's usual ones.
var DevnetPorts = Ports{P2P: 26656, RPC: 26657, API: 1317, GRPC: 9090, ABCI: 26658, JSONRPC: 8545, JSONRPCWS: 8546,
	Prometheus: 26660, EVMMetrics: 8100}

// LocalnetPorts gives node i of a localnet its ports: a block of ten from
// base + 10·i (the JSON-RPC's two at +5 and +6, the metrics endpoint at +7,
// the EVM's metrics at +8).
func LocalnetPorts(base, i int) Ports {
	b := base + 10*i
	return Ports{P2P: b, RPC: b + 1, API: b + 2, GRPC: b + 3, ABCI: b + 4, JSONRPC: b + 5, JSONRPCWS: b + 6,
		Prometheus: b + 7, EVMMetrics: b + 8}
}

// Host is the only address Agora's local networks listen on.
const Host = "127.0.0.1"

func (p Ports) RPCAddr() string  { return fmt.Sprintf("tcp://%s:%d", Host, p.RPC) }
func (p Ports) P2PAddr() string  { return fmt.Sprintf("tcp://%s:%d", Host, p.P2P) }
func (p Ports) APIAddr() string  { return fmt.Sprintf("tcp://%s:%d", Host, p.API) }
func (p Ports) GRPCAddr() string { return fmt.Sprintf("%s:%d", Host, p.GRPC) }
func (p Ports) ABCIAddr() string { return fmt.Sprintf("tcp://%s:%d", Host, p.ABCI) }

// RPCURL is the HTTP address of the CometBFT RPC.
func (p Ports) RPCURL() string { return fmt.Sprintf("http://%s:%d", Host, p.RPC) }

// APIURL is the HTTP address of the REST API.
func (p Ports) APIURL() string { return fmt.Sprintf("http://%s:%d", Host, p.API) }

func (p Ports) JSONRPCAddr() string   { return fmt.Sprintf("%s:%d", Host, p.JSONRPC) }
func (p Ports) JSONRPCWSAddr() string { return fmt.Sprintf("%s:%d", Host, p.JSONRPCWS) }

// MetricsOn tells whether the node serves metrics.
func (p Ports) MetricsOn() bool { return p.Prometheus != 0 }

// PrometheusAddr is the metrics endpoint's listen address.
func (p Ports) PrometheusAddr() string { return fmt.Sprintf("%s:%d", Host, p.Prometheus) }

// MetricsURL is the address Prometheus scrapes.
func (p Ports) MetricsURL() string { return fmt.Sprintf("http://%s:%d/metrics", Host, p.Prometheus) }

// EVMMetricsAddr is the listen address of cosmos/evm's geth metrics
// server.
func (p Ports) EVMMetricsAddr() string { return fmt.Sprintf("%s:%d", Host, p.EVMMetrics) }

// JSONRPCURL is the HTTP address of the Ethereum JSON-RPC (MetaMask's
// "RPC URL").
func (p Ports) JSONRPCURL() string { return fmt.Sprintf("http://%s:%d", Host, p.JSONRPC) }
