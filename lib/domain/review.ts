// A post-incident review (Correction of Error) can be marked complete only when the parts
// that make it useful are written, and only once the incident is resolved.

export type ReviewDraft = {
  status: string;
  whatHappened: string;
  customerImpact: string;
  rootCause: string;
  fiveWhys: readonly string[];
  lessons: string;
};

export const REVIEW_REQUIRED_PARTS = ["whatHappened", "customerImpact", "rootCause", "fiveWhys", "lessons"] as const;

/** Field → what is missing; empty when the review can be completed. */
export function missingReviewParts(review: ReviewDraft): Record<string, string> {
  const missing: Record<string, string> = {};
  if (review.status !== "RESOLVED") missing.status = "Resolve the incident before completing its review.";
  if (!review.whatHappened.trim()) missing.whatHappened = "Describe what happened.";
  if (!review.customerImpact.trim()) missing.customerImpact = "Describe the customer impact.";
  if (!review.rootCause.trim()) missing.rootCause = "Name the root cause.";
  if (review.fiveWhys.filter((why) => why.trim()).length < 3)
    missing.fiveWhys = "Answer at least three of the five whys.";
  if (!review.lessons.trim()) missing.lessons = "Write down the lessons learned.";
  return missing;
}
