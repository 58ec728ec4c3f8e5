/**
 * "Why is this colour?" (issue 12): the evidence behind an area's listing and drug-signal colours, opened from the
 * details panel. No title: always on. The wall display shows the same evidence compactly (web/src/wall).
 */
import { lazyPart, type ConsolePlugin } from '../plugins/registry';
import './evidence.css';

const plugin: ConsolePlugin = {
  id: 'evidence',
  DetailSection: lazyPart('evidence', () => import('./EvidenceSection').then((m) => m.EvidenceSection)),
};

export default plugin;
