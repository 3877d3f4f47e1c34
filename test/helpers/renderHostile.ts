// Run as a child process (`node --import tsx renderHostile.ts FILE`): renders one
// hostile input through the post model and the markdown pipeline and prints
// what executable markup came out, as JSON. A child, so a test can bound the
// time a pathological input takes without timing it in the test's own process.
import { readFileSync } from 'node:fs';
import { parsePost } from '../../common/post';
import { executableMarkup } from './hostile';
import { nodeMarkdown } from './markdown';

const text = readFileSync(process.argv[2]!, 'utf8');
const { html } = nodeMarkdown().render(parsePost(text).body);
process.stdout.write(JSON.stringify({ htmlLength: html.length, executable: executableMarkup(html) }));
