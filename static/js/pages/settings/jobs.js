// Settings → Scheduled jobs: schedule, next and last run, "Run now" (GET/POST /api/system/jobs).
import { h } from '../../core/dom.js';
import { panel, stateLine } from '../../components/lcars-panel.js';
import { button } from '../../components/lcars-button.js';
import { on } from '../../core/events.js';
import { jobs } from '../../stores/admin.js';

export function jobsSection(cleanups) {
  const list = h('ul', { id: 'jobs-list', class: 'row-list' });
  async function load() {
    try { list.replaceChildren(...(await jobs.list()).map(row)); } catch (err) { list.replaceChildren(stateLine(err.message, 'error')); }
  }
  function row(j) {
    const note = h('p', { class: 'verbatim dim', role: 'status' });
    const last = j.last_run;
    const run = button('Run now', { small: true, color: 'orange', disabled: j.running, 'aria-label': `Run ${j.name} now`, onClick: async () => {
      run.disabled = true;
      try { await jobs.run(j.name); note.textContent = 'Started'; load(); } catch (err) { note.textContent = err.message; run.disabled = false; }
    } });
    return h('li', { class: 'row-item', dataset: { job: j.name } },
      h('p', {}, h('strong', { class: 'verbatim row-title' }, j.name), h('span', { class: 'dim verbatim' }, ` · ${j.schedule}`)),
      h('p', { class: 'dim' }, `Next run ${j.next_run_at || '—'} · last run: `,
        last ? h('span', { class: last.status === 'failed' ? 'error-text verbatim' : 'verbatim' },
          `${last.status}, ${last.started_at}${last.items != null ? `, ${last.items} items` : ''}${last.error ? ` — ${last.error}` : ''}`) : 'never'),
      h('div', { class: 'form-actions' }, run), note);
  }
  // Job runs report through the live stream; the list follows them.
  cleanups.push(on('job:started', load), on('job:finished', load));
  load();
  return panel({ title: 'Scheduled jobs', accent: 'blue', id: 'settings-jobs' }, list);
}
