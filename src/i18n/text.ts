// A message in both languages. Its own leaf module, so time/ and model/ can both use it without
// importing each other (model/ parses dates with time/; time/ words its errors with Text).

export interface Text {
  zh: string;
  en: string;
}

export const t = (zh: string, en: string): Text => ({ zh, en });
