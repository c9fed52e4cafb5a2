/**
 * npm run invite -- --name … --role agent|supervisor|trainee [--team …] [--id …] [--days 30]: prints the
 * signed link that opens the web chat for one person, with that role. Needs the server's INVITE_SECRET.
 */
import { inviteLink } from './invite-link';

const result = inviteLink(process.argv.slice(2), process.env);
if (!result.ok) {
  for (const problem of result.problems) console.error(problem);
  process.exit(1);
}
console.log(result.url);
console.error(`invite: for user id "${result.id}", valid until ${result.expires.toISOString()}; send it privately.`);
