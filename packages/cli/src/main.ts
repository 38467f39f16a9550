import { reportError, UsageError } from './cli-error.ts';
import * as assessCommand from './commands/assess.ts';
import * as auditCommand from './commands/audit.ts';
import * as backupCommand from './commands/backup.ts';
import * as dashboardCommand from './commands/dashboard.ts';
import * as demoCommand from './commands/demo.ts';
import * as fhirCommand from './commands/fhir.ts';
import * as knowledgeCommand from './commands/knowledge.ts';
import * as migrateCommand from './commands/migrate.ts';
import * as organisationCommand from './commands/organisation.ts';
import * as restoreCommand from './commands/restore.ts';
import * as serveCommand from './commands/serve.ts';
import * as teamCommand from './commands/team.ts';
import * as userCommand from './commands/user.ts';

interface Command {
  summary: string;
  run(args: string[]): Promise<number>;
}

const commands: Record<string, Command> = {
  assess: assessCommand,
  knowledge: knowledgeCommand,
  serve: serveCommand,
  migrate: migrateCommand,
  demo: demoCommand,
  organisation: organisationCommand,
  team: teamCommand,
  user: userCommand,
  audit: auditCommand,
  dashboard: dashboardCommand,
  fhir: fhirCommand,
  backup: backupCommand,
  restore: restoreCommand,
};

function help(): string {
  const lines = Object.values(commands).map((c) => `  ${c.summary}`);
  return ['Usage: nestwerk <command> [options]', '', 'Commands:', ...lines, ''].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(help());
    return 0;
  }
  const command = commands[name];
  if (!command)
    throw new UsageError('command', `Unknown command "${name}". Run "nestwerk help" for the list.`);
  return command.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.exitCode = reportError(err);
  },
);
