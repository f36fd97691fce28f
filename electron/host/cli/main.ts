// The `quire` command line: the same services as the app, through the in-process transport.
import { Command } from 'commander';
import { APP_VERSION } from '../version';
import { annotationsCommand } from './annotations-command';
import { processIo, type Io } from './context';
import { clusterCommand } from './cluster-command';
import { fitCommand } from './fit-command';
import { graphCommand } from './graph-command';
import { llmCommand } from './llm-command';
import { modelsCommand } from './models-command';
import { notebookCommand } from './notebook-command';
import { searchCommand } from './search-command';
import { exportCommand, importCommand, infoCommand, listCommand } from './library-commands';
import { serveCommand } from './serve-command';
import { tagCommand, tagsCommand } from './tags-command';

export function buildProgram(io: Io = processIo): Command {
  const program = new Command('quire')
    .description('Quire: an offline lab notebook for research papers')
    .version(APP_VERSION)
    .option('--library <dir>', 'library folder (default: $QUIRE_LIBRARY or the OS app-data folder)')
    .option('--json', 'print machine-readable JSON')
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError('(run `quire --help` for usage)');
  for (const make of [
    infoCommand,
    importCommand,
    listCommand,
    searchCommand,
    exportCommand,
    fitCommand,
    graphCommand,
    clusterCommand,
    modelsCommand,
    llmCommand,
    notebookCommand,
    tagsCommand,
    tagCommand,
    annotationsCommand,
    serveCommand,
  ])
    program.addCommand(make(io));
  return program;
}
