import { type ExportMode, type ExportTarget, exportCsv } from '../../api/resources/billing';
import { useExportDownload } from '../../lib/useExportDownload';

/** A bill's or a payment statement's CSV: `start(mode)`. */
export function useExport(target: ExportTarget) {
  return useExportDownload((progress, mode: ExportMode) => exportCsv(target, mode, progress));
}
