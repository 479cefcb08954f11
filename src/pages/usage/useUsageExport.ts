import { type ExportMode, exportOperatorUsage, type UsageRange } from '../../api/resources/usage';
import { useExportDownload } from '../../lib/useExportDownload';

/** The operator's Air usage as CSV: `start(range, mode)`. */
export function useUsageExport(operatorId: string) {
  return useExportDownload((progress, range: UsageRange, mode: ExportMode) =>
    exportOperatorUsage(operatorId, range, mode, progress),
  );
}
