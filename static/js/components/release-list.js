// Ranked releases from a manual search: score, the reasons for it, rejection flags, and a Grab
// button for each (a rejected release may still be grabbed by hand; a blocklisted one cannot).
import { h } from '../core/dom.js';
import { formatBytes } from '../core/format.js';
import { button } from './lcars-button.js';

/** releaseSearch({id, search(signal) → Release[], grab(release) → Download}) → {el} with a Search button. */
export function releaseSearch({ id, search, grab, label = 'Search releases' }) {
  const list = h('ol', { id: `${id}-releases`, class: 'release-list', 'aria-live': 'polite' });
  const status = h('p', { class: 'dim verbatim', role: 'status' });
  const go = button(label, { id: `${id}-search`, small: true, color: 'orange', onClick: run });
  async function run() {
    go.disabled = true;
    status.className = 'dim verbatim';
    status.textContent = 'Asking the indexers…';
    list.replaceChildren();
    try {
      const releases = await search();
      status.textContent = releases.length ? `${releases.length} releases, best first` : 'No releases found.';
      list.replaceChildren(...releases.map((r, i) => releaseRow(r, i, grab)));
    } catch (err) {
      status.className = 'error-text verbatim';
      status.textContent = err.message;
    } finally {
      go.disabled = false;
    }
  }
  return { el: h('div', { class: 'release-search' }, go, status, list), run };
}

function releaseRow(r, index, grab) {
  const rejected = Boolean(r.rejected);
  const blocklisted = (r.rejections || []).some((x) => x.code === 'blocklisted');
  const result = h('p', { class: 'release-result verbatim', role: 'status' });
  const grabBtn = button(rejected ? 'Grab anyway' : 'Grab', {
    small: true, color: rejected ? 'tan' : 'orange', disabled: blocklisted, 'aria-label': `Grab ${r.title}`,
    onClick: async () => {
      grabBtn.disabled = true;
      result.className = 'release-result dim';
      result.textContent = 'Handing it to lcarsd…';
      try {
        const dl = await grab(r);
        result.className = 'release-result state--ok';
        result.replaceChildren('Grabbed · ', h('a', { href: '/downloads', 'data-link': true }, `download ${dl && dl.id ? `#${dl.id}` : ''} in Downloads`));
      } catch (err) {
        result.className = 'release-result error-text verbatim';
        result.textContent = err.message;
        grabBtn.disabled = false;
      }
    },
  });
  const facts = [r.quality, r.source, r.codec, r.music_quality, r.size_bytes != null ? formatBytes(r.size_bytes) : null,
    r.seeders != null ? `${r.seeders} seeders` : null, (r.indexers || [r.indexer]).filter(Boolean).join(', ')].filter(Boolean);
  return h('li', { class: `release${rejected ? ' release--rejected' : ''}` },
    h('div', { class: 'release-head' },
      h('span', { class: 'release-rank' }, `#${index + 1}`),
      h('strong', { class: 'release-title verbatim' }, r.title),
      h('span', { class: 'release-score', title: 'Score' }, `Score ${r.score}`)),
    h('p', { class: 'release-facts' }, facts.join(' · ')),
    r.reasons && r.reasons.length ? h('ul', { class: 'release-reasons', 'aria-label': 'Why this score' },
      r.reasons.map((x) => h('li', { class: 'verbatim' }, x))) : null,
    rejected ? h('ul', { class: 'release-rejections', 'aria-label': 'Rejected because' },
      (r.rejections || []).map((x) => h('li', { class: 'verbatim' }, h('span', { class: 'badge ms-missing' }, x.code), ' ', x.message))) : null,
    h('div', { class: 'release-actions' }, grabBtn, result));
}
