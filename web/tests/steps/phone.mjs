// Phone width: the swap screen at 390 px. It changes the viewport, so it
// runs last.
export async function run({ page, step, shot, goto }) {
  step("phone width");
  await page.setViewportSize({ width: 390, height: 844 });
  await goto("/swap");
  await page.getByTestId("swap-amount").waitFor();
  await shot("phone-swap");
}
