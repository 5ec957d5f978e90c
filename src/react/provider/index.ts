export {
  InsightPulseProvider,
  InsightPulseProviderMissingError,
  type InsightPulseProviderProps,
  type InsightPulseThemeValue,
  type ThemePreference,
  useInsightPulseTheme,
  useOptionalInsightPulseTheme,
} from './insightpulse-provider';
