/** A value from 0 to 1 as a bar, readable by screen readers (role meter with its text). */
export function Bar({ value, label, text, tone = 'score' }: { value: number; label: string; text: string; tone?: 'score' | 'factor' }) {
  const clamped = Math.max(0, Math.min(1, Number.isFinite(value) ? value : 0));
  return (
    <div className={`bar bar--${tone}`} role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={1} aria-valuenow={clamped} aria-valuetext={text}>
      <div className="bar__fill" style={{ width: `${(clamped * 100).toFixed(1)}%` }} />
    </div>
  );
}
