// Guardian: the governance screen's guardian panel shows who may pause (the
// guardian key and the risk council's x/group policy, as x/circuit's REST
// lists them) and what is paused. The guardian pauses forum comments in one
// transaction; a council member proposes pausing comment edits and a second
// member's yes executes it; a comment is then refused with the breaker's
// error; a governance proposal re-enables both (the validator votes yes) and
// the step ends with nothing paused, as later steps and tests expect.
const POST = "/agora.forum.v1.MsgPostComment";
const EDIT = "/agora.forum.v1.MsgEditComment";

export async function run({ page, step, check, api, shot, goto, okTx, connect, addr }) {
  step("guardian: who may pause, a pause, a council pause, governance re-enables");
  const disabledNow = async () => (await api("/cosmos/circuit/v1/disable_list")).disabled_list ?? [];
  const accounts = (await api("/cosmos/circuit/v1/accounts?pagination.limit=100")).accounts.filter((a) => a.permissions.level !== "LEVEL_NONE_UNSPECIFIED");
  check(accounts.some((a) => a.address === addr("guardian")), "the guardian key holds a circuit permission");
  const councils = [];
  for (const a of accounts) {
    const info = await api(`/cosmos/group/v1/group_policy_info/${a.address}`).catch(() => null);
    if (info) councils.push(a.address);
  }
  check(councils.length === 1, `one risk council among the permission holders, found ${councils.length}`);
  check((await disabledNow()).length === 0, "nothing is paused when the step starts");

  await connect("guardian");
  await goto("/gov");
  const list = page.getByTestId("circuit-accounts");
  for (const a of accounts) await list.locator(`[data-address="${a.address}"][data-level="${a.permissions.level}"]`).waitFor();
  check((await list.getByTestId("circuit-account").count()) === accounts.length, "the panel lists exactly the permission holders");
  const council = list.locator(`[data-address="${councils[0]}"]`);
  await council.getByText("council: x/group policy, 2 of 3").waitFor();
  for (const m of ["guardian", "alice", "bob"]) await council.getByTestId("council-members").getByText(addr(m)).waitFor();
  await page.getByTestId("circuit-none-paused").waitFor();

  // The guardian pauses comments in one transaction.
  await page.getByTestId("guardian-pause-type").selectOption(POST);
  await page.getByTestId("guardian-pause-submit").click();
  await okTx();
  await page.locator(`[data-testid="circuit-disabled-type"][data-url="${POST}"]`).waitFor();
  check((await disabledNow()).includes(POST), "x/circuit lists comments as disabled");

  // The council: guardian proposes pausing edits (its yes counted), alone it pauses nothing.
  await goto("/gov");
  await page.getByTestId("council-pause-type").selectOption(EDIT);
  await page.getByTestId("council-pause-submit").click();
  await okTx();
  check(!(await disabledNow()).includes(EDIT), "one council vote of three pauses nothing");
  const cli = await page.getByTestId("council-cli").textContent();
  check(cli.includes(councils[0]) && cli.includes("agorad tx group exec"), "the panel shows the council's CLI commands with its policy address");
  // alice's yes reaches the threshold and executes it.
  await connect("alice");
  await goto("/gov");
  const proposal = page.getByTestId("council-proposal").filter({ hasText: "forum EditComment" }).first();
  await proposal.getByTestId("council-vote-yes").click();
  await okTx();
  await page.locator(`[data-testid="circuit-disabled-type"][data-url="${EDIT}"]`).waitFor();
  check((await disabledNow()).includes(EDIT), "x/circuit lists edits as disabled after the council's 2 of 3");
  await shot("guardian");

  // Only governance re-enables: alice proposes it.
  await page.getByTestId("circuit-propose-reset").click();
  await okTx();
  const props = await api("/cosmos/gov/v1/proposals?pagination.reverse=true&pagination.limit=1");
  const p = props.proposals[0];
  check(p.messages[0]["@type"] === "/cosmos.circuit.v1.MsgResetCircuitBreaker" && [POST, EDIT].every((u) => p.messages[0].msg_type_urls.includes(u)), "the latest proposal re-enables both");
  // While paused, a comment on it is refused with the breaker's error.
  await goto(`/gov/${p.id}`);
  await page.getByTestId("comment-form-body").fill("Are comments back?");
  await page.getByTestId("comment-form-submit").click();
  const result = page.getByTestId("thread-result");
  await result.getByTestId("tx-failed").waitFor({ timeout: 60000 });
  const why = await result.innerText();
  check(why.includes("disabled by the circuit breaker"), `a comment while paused is refused by the breaker: ${why}`);

  await connect("validator");
  await goto(`/gov/${p.id}`);
  await page.getByTestId("vote-yes").click();
  await okTx();
  const deadline = Date.now() + 120000;
  while ((await disabledNow()).length > 0) {
    if (Date.now() > deadline) throw new Error("the re-enable proposal did not pass: still disabled " + (await disabledNow()).join(", "));
    await new Promise((r) => setTimeout(r, 2000));
  }
  await goto("/gov");
  await page.getByTestId("circuit-none-paused").waitFor();
}
