/** The account area's sections and the support page, each behind its permission gate; one chunk. */
import { Navigate } from 'react-router';
import { gatedScreen as gated } from '../../components/access/ScreenGate';
import { ContractsPage as Contracts } from './sections/ContractsPage';
import { CoveragePage as Coverage } from './sections/CoveragePage';
import { EmailsPage as Emails } from './sections/EmailsPage';
import { ProfilePage as Profile } from './sections/ProfilePage';
import { SupportPage as Support } from './sections/SupportPage';

export const ProfilePage = gated('accountProfile', Profile);
export const EmailsPage = gated('accountEmails', Emails);
export const ContractsPage = gated('accountContracts', Contracts);
export const CoveragePage = gated('accountCoverage', Coverage);
export const SupportPage = gated('support', Support);
/** Security stays where it always was, on the account's first page. */
export function SecurityPage() {
  return <Navigate to="/account#security" replace />;
}
