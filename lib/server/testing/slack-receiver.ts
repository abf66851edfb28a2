// A stand-in for Slack's incoming-webhook endpoint in tests (Vitest and Playwright): a real
// HTTP server that records each request and checks it the way Slack does — JSON with a
// fallback `text`, known block types, ≤ 50 blocks, Slack's text limits — answering 200 "ok"
// or 400 "invalid_blocks" as Slack would. It also refuses any unescaped control sequence
// (`<!channel>`, `<!here>`, a link) that Faultline did not put there itself.
import { startWebhookReceiver, type ReceivedRequest } from "./webhook-receiver";

const BLOCK_TYPES = new Set(["section", "header", "context", "actions", "divider"]);

type Text = { type?: string; text?: string; emoji?: boolean };
type Element = { type?: string; text?: Text | string; url?: string; style?: string };
type Block = { type?: string; text?: Text; fields?: Text[]; elements?: Element[] };

function checkText(where: string, text: Text | undefined, limit: number, problems: string[], allowedLinks: string) {
  if (!text || typeof text.text !== "string" || text.text.length === 0) return problems.push(`${where}: no text`);
  if (text.type !== "mrkdwn" && text.type !== "plain_text") problems.push(`${where}: text type ${text.type}`);
  if (text.text.length > limit) problems.push(`${where}: ${text.text.length} > ${limit} characters`);
  checkMrkdwn(where, text.text, problems, text.type === "mrkdwn" ? allowedLinks : "\u0000no links");
}

/** In mrkdwn, `<` may only open a link to Faultline itself; `&` only an entity. */
function checkMrkdwn(where: string, text: string, problems: string[], allowedLinks: string) {
  for (const match of text.matchAll(/<([^>]*)>?/g)) {
    if (!match[1].startsWith(allowedLinks) || !match[0].endsWith(">"))
      problems.push(`${where}: unexpected control sequence ${match[0].slice(0, 40)}`);
    const label = match[1].split("|").slice(1).join("|");
    if (label.includes("<")) problems.push(`${where}: nested < in link label`);
  }
  for (const match of text.matchAll(/&(?!amp;|lt;|gt;)/g)) problems.push(`${where}: bare & at ${match.index}`);
}

/** Problems Slack would refuse (or that would let a title ping people); [] when the message is fine. */
export function validateSlackMessage(body: unknown, allowedLinks = "http"): string[] {
  const problems: string[] = [];
  const message = body as { text?: unknown; blocks?: unknown };
  if (typeof message?.text !== "string" || message.text.length === 0) problems.push("no fallback text");
  else checkMrkdwn("text", message.text, problems, allowedLinks);
  if (!Array.isArray(message?.blocks) || message.blocks.length === 0) return [...problems, "no blocks"];
  if (message.blocks.length > 50) problems.push(`${message.blocks.length} blocks > 50`);
  (message.blocks as Block[]).forEach((block, i) => {
    const where = `blocks[${i}] ${block.type}`;
    if (!BLOCK_TYPES.has(block.type ?? "")) problems.push(`${where}: unknown block type`);
    if (block.type === "header") {
      if (block.text?.type !== "plain_text") problems.push(`${where}: header must be plain_text`);
      checkText(where, block.text, 150, problems, allowedLinks);
    }
    if (block.type === "section") {
      if (!block.text && !block.fields) problems.push(`${where}: no text or fields`);
      if (block.text) checkText(where, block.text, 3000, problems, allowedLinks);
      if ((block.fields ?? []).length > 10) problems.push(`${where}: more than 10 fields`);
      (block.fields ?? []).forEach((f, j) => checkText(`${where} field ${j}`, f, 2000, problems, allowedLinks));
    }
    if (block.type === "context") {
      if (!block.elements?.length || block.elements.length > 10) problems.push(`${where}: 1–10 elements`);
      block.elements?.forEach((e, j) => checkText(`${where} element ${j}`, e as Text, 3000, problems, allowedLinks));
    }
    if (block.type === "actions") {
      if (!block.elements?.length || block.elements.length > 25) problems.push(`${where}: 1–25 elements`);
      block.elements?.forEach((e, j) => {
        if (e.type !== "button") problems.push(`${where} element ${j}: not a button`);
        checkText(`${where} button ${j}`, e.text as Text, 75, problems, allowedLinks);
        if (!e.url || e.url.length > 3000 || !/^https?:\/\//.test(e.url))
          problems.push(`${where} button ${j}: bad url`);
      });
    }
  });
  return problems;
}

export type SlackRequest = ReceivedRequest & { json: unknown; problems: string[] };

/** Starts the receiver; `requests` holds each request with its parsed body and the problems found. */
export async function startSlackReceiver(options: { allowedLinks?: string; status?: () => number } = {}) {
  const requests: SlackRequest[] = [];
  const receiver = await startWebhookReceiver((request) => {
    let json: unknown = null;
    let problems: string[];
    try {
      json = JSON.parse(request.body);
      problems = validateSlackMessage(json, options.allowedLinks);
    } catch {
      problems = ["body is not JSON"];
    }
    if (request.headers["content-type"]?.startsWith("application/json") !== true) problems.push("not application/json");
    requests.push({ ...request, json, problems });
    return { status: problems.length > 0 ? 400 : (options.status?.() ?? 200) };
  });
  return {
    url: `${receiver.url.replace("/hooks/faultline", "")}/services/T000/B000/XXXXSECRET`,
    requests,
    close: receiver.close,
  };
}
