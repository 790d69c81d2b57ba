/** What a partner scenario reports, whichever generated client it ran with (the test checks it). */
export interface ScenarioResult {
  submitted: { id: string; status: string };
  replayed: boolean;
  followed: { id: string; memberId: string; status: string; urgency: string };
  listed: { id: string }[];
  cancelled: { id: string; status: string; statusReason?: string | null };
  refusal: { status: number; code: string; title: string };
}
