/**
 * A date input that reads in the user's language: the browser's own date control (keyboard entry, its calendar
 * pop-up, screen-reader support) laid transparently over the date written as the console writes dates
 * (2026年11月30日 in zh-CN, November 30, 2026 in English). The native control alone would show the browser's UI
 * locale (2026/11/30), whatever language the console is in.
 */
import type { InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../details/read';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value'> & { value: string };

export function DateInput({ value, className, ...input }: Props) {
  const { i18n } = useTranslation();
  const shown = value ? formatDate(value, i18n.language) : '';
  return (
    <span className={`date-input ${className ?? ''}`}>
      <span className="date-input-shown" aria-hidden="true" data-testid="date-shown">
        {shown || '—'}
      </span>
      <input type="date" value={value} {...input} />
    </span>
  );
}
