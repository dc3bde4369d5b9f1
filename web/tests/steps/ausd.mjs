// AUSD: a vault opened as previewed, cdp's refusal of an over-mint, a
// deposit previewed, a stability-pool deposit, a PSM swap moving AUSD by
// the preview.
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
}
