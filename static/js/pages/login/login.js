// Login form. Ids (#login-form, #login-username, #login-password, #login-submit, #login-error)
// are relied on by Tests/system/test_browser.py.
import { h } from '../../core/dom.js';
import { login } from '../../core/auth.js';

// A one-shot message for the next login screen (e.g. "session expired"), set by app.js.
let pendingNotice = '';
export function setLoginNotice(text) {
  pendingNotice = text;
}

// Where to go after logging in: the page a 401 or a deep link interrupted (same-origin paths only).
let returnTo = null;
export function rememberReturn(path) {
  returnTo = typeof path === 'string' && path.startsWith('/') && !path.startsWith('//') && path !== '/login' ? path : null;
}

export const loginView = {
  title: 'Access',
  anon: true,
  mount(container, { navigate }) {
    const username = h('input', {
      id: 'login-username', name: 'username', type: 'text', autocomplete: 'username',
      autocapitalize: 'none', spellcheck: 'false', required: true, class: 'field-input',
    });
    const password = h('input', {
      id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password',
      required: true, class: 'field-input',
    });
    const submit = h('button', { id: 'login-submit', type: 'submit', class: 'pill c-orange pill--big' }, 'Engage');
    const error = h('p', { id: 'login-error', class: 'form-error', role: 'alert' });
    const notice = h('p', { id: 'login-notice', class: 'form-notice', role: 'status' }, pendingNotice);
    pendingNotice = '';

    let lockTimer = null;
    const form = h('form', { id: 'login-form', class: 'login-form', novalidate: true, 'aria-describedby': 'login-error' },
      h('div', { class: 'field' }, h('label', { for: 'login-username', class: 'field-label' }, 'Username'), username),
      h('div', { class: 'field' }, h('label', { for: 'login-password', class: 'field-label' }, 'Password'), password),
      h('div', { class: 'form-actions' }, submit),
      error,
    );

    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      if (lockTimer) return;
      error.textContent = '';
      notice.textContent = '';
      // Our own check instead of the browser bubble, so every message lands in the alert line.
      const missing = !username.value.trim() ? username : !password.value ? password : null;
      if (missing) {
        error.textContent = 'Enter username and password';
        missing.focus();
        return;
      }
      setBusy(true);
      try {
        await login(username.value.trim(), password.value);
        const next = returnTo || '/dashboard';
        returnTo = null;
        navigate(next, { replace: true });
      } catch (err) {
        password.value = '';
        setBusy(false);
        if (err.code === 'rate_limited' || err.status === 429) lockOut(err.retryAfter);
        else error.textContent = messageFor(err);
        password.focus();
      }
    });

    function setBusy(busy) {
      submit.disabled = busy;
      submit.textContent = busy ? 'Engaging…' : 'Engage';
      form.setAttribute('aria-busy', String(busy));
    }

    // 429: say how long to wait and keep ENGAGE disabled until then.
    function lockOut(seconds) {
      let left = Number.isFinite(seconds) && seconds > 0 ? seconds : null;
      if (left === null) {
        error.textContent = 'Too many attempts, try again later';
        return;
      }
      const tick = () => {
        if (left <= 0) {
          clearInterval(lockTimer);
          lockTimer = null;
          submit.disabled = false;
          error.textContent = '';
          return;
        }
        error.textContent = `Too many attempts, try again in ${left} s`;
        left -= 1;
      };
      submit.disabled = true;
      tick();
      lockTimer = setInterval(tick, 1000);
    }

    container.append(
      h('section', { class: 'panel panel--login c-accent-orange', 'aria-labelledby': 'login-heading' },
        h('div', { class: 'panel-head' }, h('h2', { id: 'login-heading' }, 'Authorization required')),
        h('div', { class: 'panel-body' },
          h('p', { class: 'panel-intro' }, 'Identify yourself to access the media library.'),
          notice,
          form,
        ),
      ),
    );
    username.focus();
    return () => clearInterval(lockTimer);
  },
};

function messageFor(err) {
  if (err.code === 'invalid_credentials' || err.status === 401) return 'Access denied: unknown user or wrong password';
  if (err.status === 0) return 'Cannot reach the LCARS server';
  if (err.status === 400 || err.status === 422) return err.message || 'Enter username and password';
  return err.message || 'Login failed';
}
