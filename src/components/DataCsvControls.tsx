import { useRef } from 'react';
import { formatCodecError } from '../core/codec/codec-result.ts';
import { dataToCsv, parseDataCsv } from '../core/codec/data-csv.ts';
import { withSamples } from '../core/scenario-edits.ts';
import { downloadBlob, exportStem } from './download.ts';
import { useAppStoreApi } from './use-app-store.ts';

/** CSV import and export of data and testData (a header row x1 … y1 …, a set column train or test). */
export function DataCsvControls() {
  const store = useAppStoreApi();
  const input = useRef<HTMLInputElement>(null);

  const exportCsv = () => {
    const s = store.getState();
    const layers = s.scenario.layers;
    const text = dataToCsv(
      { data: s.scenario.data, testData: s.scenario.testData },
      { inputs: layers[0].size, outputs: layers[layers.length - 1].size },
    );
    downloadBlob(new Blob([text], { type: 'text/csv' }), `${exportStem(s.presetId, s.scenario.title)}-data.csv`);
  };

  const importText = (name: string, text: string) => {
    const s = store.getState();
    const layers = s.scenario.layers;
    const result = parseDataCsv(text, {
      inputs: layers[0].size,
      outputs: layers[layers.length - 1].size,
      loss: s.scenario.loss,
    });
    if (!result.ok) {
      s.setNotice({
        kind: 'error',
        text: `${name}: not imported; nothing was changed.`,
        details: result.errors.map(formatCodecError),
      });
      return;
    }
    const { data, testData } = result.value;
    if (s.changeScenario((sc) => withSamples(sc, { data, testData }), `Import ${name}`)) {
      s.setNotice({
        kind: 'info',
        text: `Imported ${data.length} training and ${testData.length} test samples from ${name}. Undo brings the old data back.`,
      });
    }
  };

  return (
    <div className="data-csv" role="group" aria-label="Data as CSV">
      <button type="button" onClick={() => input.current?.click()} data-testid="data-csv-import">
        Import CSV…
      </button>
      <input
        ref={input}
        type="file"
        accept=".csv,text/csv"
        hidden
        data-testid="data-csv-file"
        onChange={async (e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) importText(file.name, await file.text());
        }}
      />
      <button type="button" onClick={exportCsv} data-testid="data-csv-export">
        Export CSV
      </button>
      <span className="muted">columns set, x1…, y1…; set is train or test</span>
    </div>
  );
}
