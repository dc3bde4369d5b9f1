package app

// registerUpgradeHandlers is the one place where software upgrades register
// their store migrations. Agora has had no upgrade yet.
func (app *AgoraApp) registerUpgradeHandlers() {}
