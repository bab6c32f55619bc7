// Text for a terminal, made harmless. Plan files and file names are the user's (or a sender's)
// text: an escape sequence in them (`\e]0;…\a` retitles the window, `\e[2J` clears the screen,
// bidirectional overrides reorder what is shown) must be seen, not obeyed. Every control
// character is shown as a visible stand-in (␛, ␇, <U+202E>); only the colour codes we add
// ourselves (SGR, `\e[…m`) pass, and never "conceal" (8), which could hide the rest of a line.

// One pass: an SGR colour sequence (kept unless it conceals), or one control character.
const UNSAFE = /\x1b\[([0-9;]*)m|[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(s: string): string {
  return s.replace(UNSAFE, (m: string, sgr: string | undefined) => {
    if (sgr !== undefined && !sgr.split(';').includes('8')) return m;
    return [...m].map(standIn).join('');
  });
}

function standIn(ch: string): string {
  const c = ch.codePointAt(0)!;
  if (c < 0x20) return String.fromCodePoint(0x2400 + c); // ␀…␟: ␛ for ESC, ␇ for BEL
  if (c === 0x7f) return '␡';
  if ((c >= 0x80 && c < 0xa0) || (c >= 0x202a && c <= 0x2069)) return `<U+${c.toString(16).toUpperCase().padStart(4, '0')}>`;
  return ch; // the printable rest of a refused sequence: `[8m`
}
