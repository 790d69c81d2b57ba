import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import { formatters, type Formatters } from '../i18n/format';

/** Formatters of the chosen language. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  return useMemo(() => formatters(i18n.language), [i18n.language]);
}

type Labels = { fr: string; en: string };

/** Labels of expertise domains and co-op sectors, from the API, in the chosen language. */
export function useTaxonomy() {
  const { i18n } = useTranslation();
  const domains = useQuery({ queryKey: ['domains'], queryFn: () => call(api.GET('/v1/domains')), staleTime: Infinity });
  const sectors = useQuery({ queryKey: ['sectors'], queryFn: () => call(api.GET('/v1/sectors')), staleTime: Infinity });
  return useMemo(() => {
    const language = i18n.language === 'fr' ? 'fr' : 'en';
    const labelOf = (items: Array<{ code: string; labels: Labels }> | undefined, code: string) =>
      items?.find((item) => item.code === code)?.labels[language] ?? code;
    return {
      domains: (domains.data?.items ?? []).map((item) => ({ code: item.code, label: item.labels[language] })),
      sectors: (sectors.data?.items ?? []).map((item) => ({ code: item.code, label: item.labels[language] })),
      domainLabel: (code: string) => labelOf(domains.data?.items, code),
      sectorLabel: (code: string) => labelOf(sectors.data?.items, code),
    };
  }, [domains.data, sectors.data, i18n.language]);
}

/** Every member (coordinators: names for filters and statements). */
export function useMembers(enabled = true) {
  return useQuery({
    queryKey: ['members'],
    queryFn: () => call(api.GET('/v1/members', { params: { query: { limit: 200 } } })),
    staleTime: 60_000,
    enabled,
  });
}
