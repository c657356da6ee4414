// The guide's "provision and deploy a web app" example: an App Service plan and a Python web app,
// both long-running operations. `beginCreateOrUpdate` gives a poller: watch its progress, then
// `poller.result()` (the guide's name); the newer-generation `createOrUpdate` gives a poller you
// simply `await`. Then stop and start the app, update its app settings, and save a poller's state
// to resume it elsewhere (another process, after a restart).
import { DefaultAzureCredential } from "@azkit/identity";
import { ResourceManagementClient } from "@azkit/mgmt-resources";
import { WebSiteManagementClient } from "@azkit/mgmt-web";
import { armEndpoint, location, subscriptionId, uniqueName } from "../azureOrEmulator.js";

export async function main(): Promise<{
  planStates: string[];
  siteStates: string[];
  appSettings: Record<string, string>;
  resumedPlan: string;
}> {
  await using credential = new DefaultAzureCredential();
  const resources = new ResourceManagementClient(credential, subscriptionId(), { endpoint: armEndpoint() });
  const web = new WebSiteManagementClient(credential, subscriptionId(), { endpoint: armEndpoint() });
  const group = uniqueName("azkit-sample-web-rg-");
  const [planName, appName] = [uniqueName("azkit-plan-"), uniqueName("azkit-app-")]; // app names are global
  await resources.resourceGroups.createOrUpdate(group, { location: location() });
  try {
    // 1. The plan: beginCreateOrUpdate, progress from the poller, then result().
    const linuxPlan = { location: location(), kind: "linux", reserved: true, sku: { name: "B1" } };
    const planPoller = await web.appServicePlans.beginCreateOrUpdate(group, planName, linuxPlan);
    const planStates: string[] = [planPoller.getOperationState().status]; // after the first response
    console.log(`  plan ${planName}: ${planStates[0]}`);
    planPoller.onProgress((state) => {
      planStates.push(state.status);
      console.log(`  plan ${planName}: ${state.status}`);
    });
    const plan = await planPoller.result();
    console.log(`  plan ready: ${plan.id}`);

    // 2. The app: createOrUpdate returns a poller you can await directly (or iterate, or result()).
    const site = await web.webApps.createOrUpdate(group, appName, {
      location: location(),
      serverFarmId: plan.id,
      siteConfig: { linuxFxVersion: "PYTHON|3.12" },
    });
    console.log(`  app ready: https://${site.defaultHostName} (${site.state})`);

    // 3. Stop and start it.
    const siteStates: string[] = [];
    await web.webApps.stop(group, appName);
    siteStates.push((await web.webApps.get(group, appName)).state ?? "");
    await web.webApps.start(group, appName);
    siteStates.push((await web.webApps.get(group, appName)).state ?? "");
    console.log(`  stopped, then started: ${siteStates.join(" -> ")}`);

    // 4. App settings (they replace the whole set, as in the portal's "Save").
    await web.webApps.updateApplicationSettings(group, appName, {
      properties: { SCM_DO_BUILD_DURING_DEPLOYMENT: "true", GREETING: "hello" },
    });
    const appSettings = (await web.webApps.listApplicationSettings(group, appName)).properties ?? {};
    console.log(`  app settings: ${JSON.stringify(appSettings)}`);

    // 5. Save a poller, resume it elsewhere: serialize() gives a string (store it anywhere);
    //    `resumeFrom` picks the operation up without starting it again.
    const started = await web.appServicePlans.beginCreateOrUpdate(group, `${planName}-2`, linuxPlan);
    const token = await started.serialize();
    started.stopPolling(); // this process stops watching; the operation goes on in Azure
    // Elsewhere: the same call with the token sends nothing new, it only polls.
    const resumed = await web.appServicePlans.beginCreateOrUpdate(group, `${planName}-2`, linuxPlan, {
      resumeFrom: token,
    });
    const resumedPlan = await resumed.pollUntilDone();
    console.log(
      `  resumed from a ${token.length}-character token: ${resumedPlan.name} ${resumedPlan.provisioningState}`,
    );
    return { planStates, siteStates, appSettings, resumedPlan: resumedPlan.name ?? "" };
  } finally {
    await resources.resourceGroups.beginDeleteAndWait(group); // the app and plans go with the group
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
