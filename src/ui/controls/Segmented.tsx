/** A small set of exclusive choices as a fieldset of toggle buttons. */
export function Segmented<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: readonly { value: T; label: string; disabled?: boolean; title?: string }[];
  onChange: (value: T) => void;
}) {
  return (
    <fieldset className="field segmented">
      <legend>{label}</legend>
      <div className="seg-buttons">
        {options.map((o) => (
          <button
            key={o.value}
            type="button"
            aria-pressed={o.value === value && !o.disabled}
            disabled={o.disabled}
            title={o.title}
            data-value={o.value}
            onClick={() => onChange(o.value)}
          >
            {o.label}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
