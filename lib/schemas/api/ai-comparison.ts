import { z } from "zod";

const interval = z.object({ lower: z.number(), upper: z.number() });
const rate = z.object({
  failed: z.number().int(),
  total: z.number().int(),
  rate: z.number().nullable(),
  ci: interval.nullable().meta({ description: "95 % Wilson score interval." }),
  enoughData: z.boolean().meta({ description: "At least 30 shipped changes and 5 failures." }),
});
const ratio = z.object({ rr: z.number(), ci: interval }).nullable();
const labelled = rate.extend({ key: z.string(), label: z.string() });

/** AI-assisted vs other changes over the range, with their uncertainty (docs/ai-attribution.md). */
export const apiAiComparisonSchema = z
  .object({
    weeks: z.number().int(),
    ai: rate,
    other: rate,
    crude: ratio.meta({
      description: "Relative risk AI vs other, 95 % CI by Katz's log method; null below the minimum.",
    }),
    adjusted: ratio.meta({
      description: "Mantel–Haenszel relative risk over service tier × change kind (Greenland–Robins CI).",
    }),
    verdict: z.enum(["HIGHER", "LOWER", "NO_CLEAR_DIFFERENCE", "NOT_ENOUGH_DATA"]),
    sentence: z.string(),
    bands: z.array(labelled).meta({ description: "By measured AI share band, plus changes without evidence." }),
    involvements: z.array(labelled).meta({ description: "AI-assisted changes by declared involvement." }),
    mismatches: z
      .number()
      .int()
      .meta({ description: "Changes shipped in the range whose evidence contradicts the declaration." }),
    minimum: z.object({ changes: z.number().int(), failures: z.number().int() }),
  })
  .meta({ id: "AiComparison" });
