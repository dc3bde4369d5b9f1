// AUSD: a vault opened as previewed, cdp's refusal of an over-mint, a
// deposit previewed, a stability-pool deposit, a PSM swap moving AUSD by
// the simulate query's quote, a PSM swap beyond the reserve refused in
// cdp's words, a redemption paying what its preview said, a vault
// transferred, the liquidation list.
export async function run({ page, base, step, check, api, balance, shot, goto, okTx, connect, addr }) {
  const carol = addr("carol");
  await connect("carol");

  step("AUSD: open a vault whose preview equals the resulting vault");
  await goto("/ausd");
  await page.getByTestId("collateral-types").getByText("ETH").first().waitFor();
  const vaultIds = async () => (await api(`/agora/cdp/v1/owners/${carol}/vaults`)).vaults.map((v) => v.vault.id);
  const idsBefore = await vaultIds();
  await page.getByTestId("open-denom").selectOption("ueth");
  await page.getByTestId("open-collateral").fill("1");
  await page.getByTestId("open-mint").fill("1000");
  const openPreview = page.locator('[data-testid="open-preview"][data-collateral="1000000"]');
  await openPreview.waitFor();
  await page.waitForFunction(() => BigInt(document.querySelector('[data-testid="open-preview"]')?.getAttribute("data-debt") ?? "0") >= 1000000000n);
  const previewDebt = BigInt(await openPreview.getAttribute("data-debt"));
  await page.getByTestId("open-submit").click();
  await okTx();
  const opened = (await api(`/agora/cdp/v1/owners/${carol}/vaults`)).vaults.filter((v) => !idsBefore.includes(v.vault.id));
  check(opened.length === 1, `one new vault: ${opened.length}`);
  const vault = opened[0];
  check(vault.vault.collateral === "1000000", `the vault holds the previewed collateral: ${vault.vault.collateral}`);
  // The debt is the preview's plus the stability fee of the seconds between
  // the preview and the query (1 %/year: a few uausd), never less.
  const debtNow = BigInt(vault.debt);
  check(debtNow >= previewDebt && debtNow - previewDebt <= previewDebt / 1000000n, `the vault's debt ${debtNow} is the preview's ${previewDebt}`);

  step("AUSD: cdp refuses an over-mint in its own words; a deposit previewed");
  await goto("/ausd"); // a fresh page: only the next form's outcome is on it
  await page.getByTestId("vault-id").selectOption(vault.vault.id);
  await page.getByTestId("vault-action").selectOption("mint");
  await page.getByTestId("vault-amount").fill("100000");
  const overMint = page.getByRole("alert").filter({ hasText: "cdp would refuse it" });
  await overMint.waitFor();
  const overMintText = await overMint.innerText();
  check(/code 11\).*minimum collateral ratio/.test(overMintText), `cdp's own message for an over-mint: ${overMintText}`);
  check(await page.getByTestId("vault-submit").isDisabled(), "a refused mint cannot be signed");
  await page.getByTestId("vault-action").selectOption("deposit");
  await page.getByTestId("vault-amount").fill("0.5");
  const depPreview = page.locator('[data-testid="vault-preview-line"][data-collateral="1500000"]');
  await depPreview.waitFor();
  await page.getByTestId("vault-submit").click();
  await okTx();
  check((await api(`/agora/cdp/v1/vaults/${vault.vault.id}`)).vault.vault.collateral === "1500000", "the deposit's preview is the vault");

  step("AUSD: deposit into the stability pool");
  await goto("/ausd");
  const poolDeposit = async () => {
    const r = await fetch(base + `/api/agora/cdp/v1/stability_pool/deposits/${carol}`);
    if (!r.ok) return 0n; // no deposit yet (cdp code 18)
    return BigInt((await r.json()).deposit);
  };
  const spBefore = await poolDeposit();
  await page.getByTestId("pool-action").selectOption("deposit");
  await page.getByTestId("pool-amount").fill("100");
  await page.getByTestId("pool-submit").click();
  await okTx();
  check((await poolDeposit()) - spBefore === 100000000n, "the pool deposit grew by 100 AUSD");
  await page.getByTestId("pool-mine").filter({ hasText: "Your deposit" }).waitFor();

  step("AUSD: a PSM swap moves the AUSD balance by the preview");
  await goto("/ausd");
  await page.getByTestId("psm-direction").selectOption("in");
  await page.getByTestId("psm-amount").fill("250");
  const psmQuote = page.getByTestId("psm-quote");
  await psmQuote.waitFor();
  const psmOut = BigInt(await psmQuote.getAttribute("data-out"));
  const psmFee = BigInt(await psmQuote.getAttribute("data-fee"));
  check(psmOut > 0n && psmOut + psmFee === 250000000n, `the quote is 250 USDC less the fee: ${psmOut} + ${psmFee}`);
  const ausdBefore = await balance(carol, "uausd");
  await shot("ausd");
  await page.getByTestId("psm-submit").click();
  await okTx();
  check((await balance(carol, "uausd")) - ausdBefore === psmOut, "the AUSD balance moved by the quote");

  step("AUSD: the PSM refuses a swap out beyond its reserve in cdp's words, before signing");
  await goto("/ausd");
  await page.getByTestId("psm-direction").selectOption("out");
  await page.getByTestId("psm-amount").fill("100000000");
  const reserveRefusal = page.getByRole("alert").filter({ hasText: "cdp would refuse it" });
  await reserveRefusal.waitFor();
  const reserveText = await reserveRefusal.innerText();
  check(/code 22\)/.test(reserveText) && /holds/.test(reserveText), `cdp's own message for a swap beyond the reserve: ${reserveText}`);
  check(await page.getByTestId("psm-submit").isDisabled(), "a refused PSM swap cannot be signed");

  step("AUSD: a redemption pays the previewed collateral (within the oracle's collateral price)");
  await goto("/ausd");
  await page.getByTestId("redeem-fee").waitFor();
  await page.getByTestId("redeem-denom").selectOption("ueth");
  await page.getByTestId("redeem-amount").fill("10");
  await page.getByTestId("redeem-max-fee").fill("5");
  const redeemPreview = page.getByTestId("redeem-preview");
  await redeemPreview.waitFor();
  const previewOut = BigInt(await redeemPreview.getAttribute("data-out"));
  const ethBefore = await balance(carol, "ueth");
  const ausdBeforeRedeem = await balance(carol, "uausd");
  await page.getByTestId("redeem-submit").click();
  await okTx();
  const gotEth = (await balance(carol, "ueth")) - ethBefore;
  check((await balance(carol, "uausd")) === ausdBeforeRedeem - 10000000n, "10 AUSD were redeemed");
  check(gotEth >= (previewOut * 99n) / 100n && gotEth <= (previewOut * 101n) / 100n, `redeemed for ${gotEth} ueth, previewed ${previewOut}`);

  step("AUSD: transfer a vault to another account");
  await goto("/ausd");
  const before2 = await vaultIds();
  await page.getByTestId("open-denom").selectOption("ueth");
  await page.getByTestId("open-collateral").fill("0.1");
  await page.getByTestId("open-mint").fill("0");
  await page.locator('[data-testid="open-preview"][data-collateral="100000"]').waitFor();
  await page.getByTestId("open-submit").click();
  await okTx();
  const spare = (await vaultIds()).filter((id) => !before2.includes(id));
  check(spare.length === 1, `one spare vault opened: ${spare.length}`);
  await goto("/ausd");
  const bob = addr("bob");
  await page.getByTestId("transfer-id").selectOption(spare[0]);
  await page.getByTestId("transfer-to").fill(bob);
  await page.getByTestId("transfer-submit").click();
  await okTx();
  const moved = await api(`/agora/cdp/v1/vaults/${spare[0]}`);
  check(moved.vault.vault.owner === bob, `vault #${spare[0]} belongs to bob: ${moved.vault.vault.owner}`);

  step("AUSD: the liquidation list (no vault below its ratio on a calm devnet)");
  await goto("/ausd");
  await page.getByTestId("liquidate-none").waitFor();
}
