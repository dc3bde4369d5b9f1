// Governance: the validator proposes a dex params change from the params in
// force, votes no (it must not pass: other tests share this devnet), and
// the tally moves.
export async function run({ page, step, check, api, shot, goto, okTx, connect }) {
  step("governance: propose from current params, vote, the tally moves");
  await connect("validator");
  await goto("/gov");
  await page.getByTestId("param-max_hops").waitFor();
  const hops = await page.getByTestId("param-max_hops").inputValue();
  await page.getByTestId("param-max_hops").fill(String(Number(hops) + 1));
  await page.getByTestId("param-title").fill("Web test: one more dex hop (voted down)");
  await page.getByTestId("param-submit").click();
  await okTx();
  const props = await api("/cosmos/gov/v1/proposals?pagination.reverse=true&pagination.limit=1");
  const id = props.proposals[0].id;
  check(props.proposals[0].title.startsWith("Web test"), "our proposal is the latest");
  await goto(`/gov/${id}`);
  const tally = page.getByTestId("tally");
  await tally.waitFor();
  // The proposal's message in words, against the params in force.
  await page.getByTestId("proposal-messages").getByText(`set dex max hops to ${Number(hops) + 1} (now ${hops})`).waitFor();
  const votedBefore = BigInt(await tally.getAttribute("data-voted"));
  // The validator votes no: the proposal must not pass and change the
  // params under the other tests sharing this devnet.
  await page.getByTestId("vote-no").click();
  await okTx();
  await page.waitForFunction((before) => {
    const el = document.querySelector('[data-testid="tally"]');
    return el && BigInt(el.getAttribute("data-voted")) > BigInt(before);
  }, String(votedBefore));
  await page.getByTestId("validator-votes").getByText("no", { exact: true }).waitFor();
  await shot("proposal");
  await goto("/gov");
  await page.getByTestId("proposals").waitFor();
  await shot("governance");
}
