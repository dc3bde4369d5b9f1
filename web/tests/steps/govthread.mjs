// Governance's debate, vote reasons and timelock, on one proposal: the
// validator proposes the dex's params unchanged (so that it may pass without
// changing anything under the other tests sharing this devnet) with a
// deposit below the minimum; in the deposit period it comments, replies, and
// sees the forum refuse an over-long comment (nothing posted); it completes
// the deposit; in the voting period it posts a second comment, edits the
// first when the forum's edit window allows it, and votes yes with a reason
// that is shown beside the thread; the proposal passes and the reason stays
// (the forum's copy: gov deleted the vote); the reply is retracted (its body
// hidden, the record kept). When the proposal scheduled its change in the
// timelock, the operation is shown queued with a countdown (and marked in
// the proposals list), then executed.
export async function run({ page, step, check, api, shot, goto, connect, addr }) {
  step("governance debate: comments and a reply in order, a refused comment, a vote with its reason, the timelock");
  await connect("validator");
  const me = addr("validator");
  const forum = (await api("/agora/forum/v1/params")).params;
  const minDeposit = (await api("/cosmos/gov/v1/params/deposit")).params.min_deposit.find((c) => c.denom === "uagr");
  check(minDeposit && BigInt(minDeposit.amount) >= 2000000n, `gov's minimum deposit is at least 2 AGR (${JSON.stringify(minDeposit)})`);
  const firstDeposit = 1; // AGR: below the minimum, so the proposal waits in its deposit period
  const rest = Number(BigInt(minDeposit.amount) / 1000000n) - firstDeposit;

  await goto("/gov");
  await page.getByTestId("param-max_hops").waitFor();
  const title = `Web test: a debate (dex params unchanged) ${Date.now()}`;
  await page.getByTestId("param-title").fill(title);
  await page.getByLabel("Deposit (AGR)").fill(String(firstDeposit));
  await page.getByTestId("param-submit").click();
  await page.getByTestId("tx-ok").or(page.getByTestId("tx-failed")).first().waitFor({ timeout: 60000 });
  check((await page.getByTestId("tx-failed").count()) === 0, "the proposal was submitted");
  const latest = (await api("/cosmos/gov/v1/proposals?pagination.reverse=true&pagination.limit=1")).proposals[0];
  check(latest.title === title, "our proposal is the latest");
  check(latest.status === "PROPOSAL_STATUS_DEPOSIT_PERIOD", `it waits for its deposit (${latest.status})`);
  const id = latest.id;

  await goto(`/gov/${id}`);
  const thread = page.getByTestId("thread");
  await page.getByTestId("comment-form").waitFor();
  const fee = forum.post_fee.find((c) => c.denom === "uagr");
  if (fee) await page.getByTestId("comment-form").getByText(`posting costs ${Number(fee.amount) / 1e6} AGR`).waitFor();
  await page.getByTestId("comment-form-bytes").getByText(`0 of ${forum.max_body_bytes} bytes`).waitFor();

  const threadApi = async () => (await api(`/agora/forum/v1/threads/${id}`)).comments;
  // resultOK waits for the thread's outcome line and fails on a refusal.
  const resultOK = async () => {
    const r = page.getByTestId("thread-result");
    await r.getByTestId("tx-ok").or(r.getByTestId("tx-failed")).first().waitFor({ timeout: 60000 });
    if (await r.getByTestId("tx-failed").count()) throw new Error("forum tx failed: " + (await r.innerText()));
  };
  const post = async (body) => {
    await page.getByTestId("comment-form-body").fill(body);
    await page.getByTestId("comment-form-submit").click();
    await thread.getByText(body, { exact: true }).waitFor({ timeout: 60000 });
    await resultOK();
    const c = (await threadApi()).find((x) => x.body === body);
    check(c && c.author === me, `comment "${body}" is on chain by the validator`);
    return c.id;
  };

  // Deposit period: a comment and a reply to it.
  const first = "Web test: one more hop was voted down before; this one changes nothing.";
  const c1 = await post(first);
  const reply = "Web test: a reply, nested under the first comment.";
  await page.getByTestId(`comment-${c1}`).getByTestId("comment-reply").first().click();
  await page.getByTestId("reply-form-body").fill(reply);
  await page.getByTestId("reply-form-submit").click();
  await page.getByTestId(`replies-${c1}`).getByText(reply, { exact: true }).waitFor({ timeout: 60000 });
  await resultOK();
  const r1 = (await threadApi()).find((x) => x.body === reply);
  check(r1 && r1.parent_comment_id === c1, "the reply's parent is the first comment");

  // An over-long comment: the forum refuses it (the page shows its words), nothing is posted.
  const before = (await threadApi()).length;
  await page.getByTestId("comment-form-body").fill("x".repeat(forum.max_body_bytes + 1));
  await page.getByTestId("comment-form-bytes").and(page.locator(".error")).waitFor();
  await page.getByTestId("comment-form-submit").click();
  const failed = page.getByTestId("thread-result").getByTestId("tx-failed");
  await failed.waitFor({ timeout: 60000 });
  const words = await failed.innerText();
  check(words.includes("longer than params.max_body_bytes") && words.includes(`at most ${forum.max_body_bytes}`), `the forum's refusal is shown: ${words}`);
  check((await threadApi()).length === before, "the refused comment was not posted");
  await page.getByTestId("comment-form-body").fill("");

  // The rest of the deposit opens the vote.
  await page.getByTestId("deposit-amount").fill(String(rest));
  await page.getByTestId("deposit-submit").click();
  await page.getByTestId("proposal-status").getByText("voting").waitFor({ timeout: 60000 });

  // Voting period: a second comment, after the reply in the order of posting.
  const second = "Web test: a second top-level comment, posted after the reply.";
  const c2 = await post(second);
  check(BigInt(c1) < BigInt(r1.id) && BigInt(r1.id) < BigInt(c2), "ids follow the order of posting");
  const tops = await thread.locator(":scope > li").evaluateAll((els) => els.map((e) => e.getAttribute("data-comment-id")));
  check(JSON.stringify(tops) === JSON.stringify([c1, c2]), `top-level comments in order, the reply nested: ${tops}`);

  // The edit window: edit the first comment if the forum's window is still open, else no Edit button.
  const created = Date.parse((await threadApi()).find((x) => x.id === c1).created_at);
  const windowOpen = Number(forum.edit_window_seconds) > 0 && created + Number(forum.edit_window_seconds) * 1000 > Date.now() + 15000;
  const editButton = page.getByTestId(`comment-${c1}`).getByTestId("comment-edit").first();
  if (windowOpen) {
    const edited = first + " (edited)";
    await editButton.click();
    await page.getByTestId("edit-form-body").fill(edited);
    await page.getByTestId("edit-form-submit").click();
    await page.getByTestId(`comment-${c1}`).getByTestId("comment-edited").first().waitFor({ timeout: 60000 });
    await resultOK();
    check((await threadApi()).find((x) => x.id === c1).body === edited, "the edit is on chain");
  } else {
    check((await editButton.count()) === 0, `no Edit button once the forum's ${forum.edit_window_seconds} s window has closed`);
  }

  // A vote with its reason, shown beside the thread.
  const reason = "Web test: a no-op change, safe to pass on a shared devnet.";
  await page.getByTestId("vote-reason").fill(reason);
  await page.getByTestId("vote-yes").click();
  const reasons = page.getByTestId("vote-reasons");
  const mine = reasons.locator(`li[data-voter="${me}"]`);
  await mine.getByText(reason, { exact: true }).waitFor({ timeout: 60000 });
  check((await mine.getByTestId("vote-option").innerText()) === "yes", "the vote's option is shown with its reason");
  check(!(await page.getByTestId("vote-result").getByTestId("tx-failed").count()), "the vote went through");
  const votes = (await api(`/cosmos/gov/v1/proposals/${id}/votes`)).votes;
  check(votes.some((v) => v.voter === me && v.metadata === reason), "gov holds the vote with the reason as its metadata");
  await shot("proposal-debate");

  // It passes. A scheduled change waits in the timelock: its countdown is
  // looked at first (the shared devnet's delay is a few seconds).
  await page.getByTestId("proposal-status").getByText("passed").waitFor({ timeout: 90000 });
  const prop = (await api(`/cosmos/gov/v1/proposals/${id}`)).proposal;
  const scheduled = prop.messages.some((m) => m["@type"] === "/agora.timelock.v1.MsgSchedule");
  const op = page.getByTestId("timelock-op").first();
  if (scheduled) {
    await op.waitFor({ timeout: 30000 });
    if ((await op.getAttribute("data-state")) === "queued") {
      const text = await page.getByTestId("timelock-countdown").first().innerText();
      check(/^in \d+ s$/.test(text) || /^in \d+ min/.test(text) || text.startsWith("due"), `a countdown: ${text}`);
      await shot("proposal-timelock");
      const m = /^in (?:(\d+) min )?(\d+) s$/.exec(text);
      const left = m ? Number(m[1] ?? 0) * 60 + Number(m[2]) : 0;
      if (left >= 10) {
        // Time enough to see the mark in the proposals list.
        await goto("/gov");
        await page.getByTestId(`queued-${id}`).first().waitFor({ timeout: 15000 });
        await goto(`/gov/${id}`);
      }
    } else {
      console.log(`    (the operation had already left the queue when the page looked: ${await op.getAttribute("data-state")})`);
    }
  } else {
    console.log("    (this chain's proposal form does not schedule through the timelock: no countdown to see)");
  }

  // Gov deleted the vote at the tally; the forum's copy of the reason stays.
  await mine.getByText(reason, { exact: true }).waitFor();
  const kept = (await api(`/agora/forum/v1/threads/${id}`)).vote_reasons;
  check(kept.some((v) => v.voter === me && v.reason === reason), "the forum keeps the reason after the tally");
  check(!(await page.getByTestId("comment-form").count()), "no comment form once the proposal has ended");

  // Retracting the reply hides its body and keeps its place.
  await page.getByTestId(`comment-${r1.id}`).getByTestId("comment-retract").first().click();
  await page.getByTestId(`comment-${r1.id}`).getByTestId("comment-retracted").first().waitFor({ timeout: 60000 });
  await resultOK();
  check(!(await thread.getByText(reply, { exact: true }).count()), "the retracted reply's body is hidden");
  const retracted = (await threadApi()).find((x) => x.id === r1.id);
  check(retracted.retracted && retracted.body === "", "the reply is retracted on chain");

  if (!scheduled) return;
  // The operation executes after the delay (the change is a no-op); the proposals list marked it while queued.
  const delay = Number((await api("/agora/timelock/v1/params")).params.delay_seconds);
  await page.locator('[data-testid="timelock-op"][data-state="executed"]').first().waitFor({ timeout: (delay + 60) * 1000 });
  await shot("proposal-executed");
}
