/** The world's pictures and files (issue 21): their URLs, and loading them in a page as an app would. */
import type { Page } from "playwright-core";
import type { World } from "../../src/world/index.js";

/** Every avatar and file URL of a world: the team's pictures, then each chat's files. */
export function assetUrls(world: World): string[] {
  return [
    ...world.operators().flatMap((operator) => operator.picture_thumb_url ?? []),
    ...[...world.users()].flatMap((user) => world.chat(user.id)!.flatMap((message) => message.file_url ?? [])),
  ];
}

/** Loads each URL in the page, images through `<img>` and other files with `fetch`: "ok", or what went wrong. */
export function loadInPage(page: Page, urls: string[]): Promise<string[]> {
  return page.evaluate(async (all) => {
    const results: string[] = [];
    for (const url of all) {
      if (/\.(png|jpe?g)$/.test(url)) {
        const image = new Image();
        image.src = url;
        await image.decode().catch(() => undefined);
        results.push(image.naturalWidth > 0 ? "ok" : `broken ${url}`);
      } else {
        const response = await fetch(url).catch((error: Error) => ({ ok: false, status: error.message }));
        results.push(response.ok ? "ok" : `${response.status} ${url}`);
      }
    }
    return results;
  }, urls);
}
