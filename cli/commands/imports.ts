import { Command } from 'commander';
import { loadInstrument } from '../../config/instrument.ts';
import type { Config } from '../../config/schema.ts';
import { loadTicketMapping } from '../../config/ticket-mapping.ts';
import { importSurvey } from '../../collectors/survey/import-survey.ts';
import { importSurveyJson } from '../../collectors/survey/import-survey-json.ts';
import { importTickets } from '../../collectors/servicedesk/import-tickets.ts';
import type { ImportSummary } from '../../collectors/shared/import-summary.ts';
import type { Db } from '../../warehouse/database.ts';
import { ensureCommunity } from '../../warehouse/writers/communities.ts';
import { rejectsOfRun } from '../../warehouse/read-models/run-rejects.ts';
import { formatSummary } from '../format-summary.ts';
import { checkInputFile } from '../input-file.ts';
import { checkCommunity } from '../known-community.ts';
import { withWarehouse } from '../warehouse.ts';

async function report(db: Db, summary: ImportSummary): Promise<void> {
  console.log(formatSummary(summary));
  for (const reject of await rejectsOfRun(db, summary.run_id)) {
    const where = [reject.location, reject.row !== null ? `row ${reject.row}` : null, reject.field].filter(Boolean).join(', ');
    console.log(`  rejected ${where}: ${reject.reason}${reject.value !== null ? ` (value "${reject.value}")` : ''}`);
  }
  if (summary.error) process.exitCode = 1;
}

export function importCommand(loadConfig: () => Config): Command {
  const command = new Command('import').description('import a survey or hotline export file');
  command
    .command('survey')
    .description('import a survey export (CSV in any encoding, an Excel sheet, Qualtrics, LimeSurvey, 问卷星, or SurveyJS results as .json / .ndjson) through an instrument file that maps its fields to questions and clauses')
    .argument('<file>', 'the survey export')
    .requiredOption('--instrument <file>', 'instrument YAML (see config/demo/instruments)')
    .option('--community <id>', 'community of the responses when the instrument names none (default: the configured community, when there is one)')
    .action(async (file: string, options: { instrument: string; community?: string }) => {
      const config = loadConfig();
      checkInputFile(file, 'the survey export');
      const [only, ...others] = config.communities;
      checkCommunity(config, options.community, '--community');
      const instrument = loadInstrument(options.instrument, { community: options.community ?? (others.length === 0 ? only?.id : undefined) });
      checkCommunity(config, instrument.community, `${options.instrument}: community`);
      await withWarehouse(config, async (db) => {
        for (const community of config.communities) await ensureCommunity(db, community);
        const survey = { file, instrument, pseudonymKey: config.privacy.pseudonym_key };
        const json = instrument.file?.format === 'surveyjs' || /\.(json|ndjson|jsonl)$/i.test(file);
        await report(db, await (json ? importSurveyJson(db, survey) : importSurvey(db, survey)));
      });
    });
  command
    .command('tickets')
    .description('import a 12345 hotline / service-desk export (CSV in any encoding, or an Excel sheet) through a column mapping file')
    .argument('<file>', 'the hotline export')
    .requiredOption('--mapping <file>', 'mapping YAML (see config/demo/mappings)')
    .action(async (file: string, options: { mapping: string }) => {
      const config = loadConfig();
      checkInputFile(file, 'the hotline export');
      const mapping = loadTicketMapping(options.mapping);
      checkCommunity(config, mapping.community, `${options.mapping}: community`);
      await withWarehouse(config, async (db) => {
        for (const community of config.communities) await ensureCommunity(db, community);
        await report(db, await importTickets(db, { file, mapping }));
      });
    });
  return command;
}
