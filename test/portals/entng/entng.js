// Replica of the Open ENT NG admin console: a single-page app with client-side routes
// (/admin/{structureId}/users/list/filter, …/list/{userId}/details, …/imports-exports/export),
// lazy "modules" that render after navigation, and the ngx-ode-ui markup from portals.md §1
// (li.lct-list-item, span.display-name, i.profile.<Type>, div.form-field > label, s5l labels
// rendered as plain French text). Data comes from the same JSON endpoints the console uses.
//
// Markup variants (`?variante=…`, kept across client-side navigation; declared in
// test/portals/render.mjs ENTNG_VARIANTS): the same list and record as other ENT NG themes and
// versions plausibly render them, with the console's French labels (portals.md §1.2–1.4):
// - « tableau »: a theme without ngx-ode-ui classes — the list as a <table> (Nom, Prénom, Profil),
//   the record's fields in dt/dd, the name in a heading;
// - « cellules »: the legacy AngularJS console's layout (admin-user-details.html) — strong
//   « Login : » followed by the value as a bare text node, the list as an ARIA grid of divs;
// - « aria »: the list as an ARIA listbox of options (no span.display-name), the record's values
//   tied to their labels by aria-labelledby.
(() => {
  const VARIANT = new URLSearchParams(location.search).get('variante') ?? 'ode';
  const VARIANTS = ['ode', 'tableau', 'cellules', 'aria'];
  const PROFILES = { Student: 'Élève', Teacher: 'Enseignant', Relative: 'Parent', Personnel: 'Personnel', Guest: 'Invité' };
  const root = document.querySelector('ode-root');
  const esc = (s) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
  let users = null;

  function route() {
    const m = /^\/admin\/([^/]+)(?:\/(.*))?$/.exec(location.pathname);
    if (!m) return { structureId: null, rest: '' };
    return { structureId: m[1], rest: m[2] ?? '' };
  }

  function navigate(path) {
    history.pushState({}, '', path + location.search);
    render();
  }

  async function loadUsers(structureId) {
    if (!users) users = await (await fetch(`/directory/structure/${structureId}/users`)).json();
    return users;
  }

  function shell(structureId, tab) {
    return `<header class="main-header" _ngcontent-c0="">Console d'administration · LYCEE RAYMOND NAVES</header>
      <nav class="tabs" _ngcontent-c0="">
        <a href="/admin/${structureId}/users/list/filter" data-link class="${tab === 'users' ? 'active' : ''}">Utilisateurs</a>
        <a href="/admin/${structureId}/imports-exports/export" data-link class="${tab === 'export' ? 'active' : ''}">Imports / Exports</a>
      </nav>`;
  }

  function userItem(u, selectedId) {
    const icons = u.code ? '<i class="fa fa-lock" title="Compte non activé"></i>' : '';
    const sel = u.id === selectedId ? ' aria-selected="true"' : '';
    if (VARIANT === 'tableau')
      return `<tr class="ligne-utilisateur" data-id-for-replica="${esc(u.id)}"${sel}><td>${esc(u.lastName.toUpperCase())}</td><td>${esc(u.firstName)}</td><td>${PROFILES[u.type] ?? u.type}</td><td>${icons}</td></tr>`;
    if (VARIANT === 'cellules')
      return `<div role="row" class="ligne" data-id-for-replica="${esc(u.id)}"${sel}><div role="gridcell">${esc(u.lastName.toUpperCase())} ${esc(u.firstName)}</div><div role="gridcell">${PROFILES[u.type] ?? u.type}</div><div role="gridcell">${icons}</div></div>`;
    if (VARIANT === 'aria')
      return `<div role="option" class="item" data-id-for-replica="${esc(u.id)}"${sel || ' aria-selected="false"'}><span class="nom">${esc(u.lastName.toUpperCase())} ${esc(u.firstName)}</span> <small>${PROFILES[u.type] ?? u.type}</small>${icons}</div>`;
    return `<li class="lct-list-item${u.id === selectedId ? ' selected' : ''}" _ngcontent-c12="" data-id-for-replica="${esc(u.id)}">
        <span class="display-name" _ngcontent-c12="">${esc(u.lastName.toUpperCase())} ${esc(u.firstName)}</span>
        <span class="icons" _ngcontent-c12="">${icons}</span>
        <i class="profile ${esc(u.type)}" _ngcontent-c12="">${PROFILES[u.type] ?? u.type}</i>
      </li>`;
  }

  /** The list's container and its empty state, per variant. */
  function listShell(count) {
    if (VARIANT === 'tableau') return `<p class="compte">${count} utilisateurs</p><table class="utilisateurs"><thead><tr><th>Nom</th><th>Prénom</th><th>Profil</th><th></th></tr></thead><tbody class="items"></tbody></table>`;
    if (VARIANT === 'cellules') return `<div role="grid" aria-label="Utilisateurs" class="grille"><div role="row"><div role="columnheader">Nom d'affichage</div><div role="columnheader">Profil</div><div role="columnheader"></div></div><div role="rowgroup" class="items"></div></div>`;
    if (VARIANT === 'aria') return `<div role="listbox" aria-label="${count} utilisateurs" class="items"></div>`;
    return `<ode-list><div class="toolbar"><div class="user-toolbar"><i class="fa fa-sort-alpha-asc"></i> <strong class="badge">${count} utilisateurs</strong> <a class="button is-primary">Filtres</a></div></div>
              <div class="list-wrapper"><ul class="items"></ul></div></ode-list>`;
  }
  const NO_RESULTS = { tableau: '<tr><td colspan="4">Aucun utilisateur</td></tr>', cellules: '<div role="row"><div role="gridcell">Aucun utilisateur</div></div>', aria: '<div role="option">Aucun utilisateur</div>', ode: '<li class="no-results">Aucun utilisateur</li>' };

  let fieldSeq = 0;
  function field(label, content) {
    if (VARIANT === 'tableau') return `<dt>${label}</dt><dd>${content}</dd>`;
    // Legacy console: <div class="twelve cell"><strong class="four cell">Label :</strong> value</div>.
    if (VARIANT === 'cellules') return `<div class="twelve cell"><strong class="four cell">${label} :</strong> ${content.replace(/^<span>([\s\S]*)<\/span>$/, '$1')}</div>`;
    if (VARIANT === 'aria') {
      const id = `champ-${++fieldSeq}`;
      return `<div class="champ"><span id="${id}" class="libelle">${label}</span>${content.replace(/^<(span|input)\b/, `<$1 aria-labelledby="${id}"`)}</div>`;
    }
    return `<ode-form-field _ngcontent-c20=""><div class="form-field" _ngcontent-c21=""><label _ngcontent-c21="">${label}</label>${content}</div></ode-form-field>`;
  }

  function section(title, body) {
    if (VARIANT === 'tableau') return `<section class="bloc"><h3>${title}</h3><dl>${body}</dl></section>`;
    if (VARIANT === 'cellules') return `<div class="row"><h3 class="cell">${title}</h3>${body}</div>`;
    if (VARIANT === 'aria') return `<section role="region" aria-label="${title}"><h3>${title}</h3>${body}</section>`;
    return `<ode-panel-section _ngcontent-c20=""><section class="panel-section"><div class="panel-section-header">${title}</div><div class="panel-section-content">${body}</div></section></ode-panel-section>`;
  }

  async function details(structureId, userId) {
    const u = await (await fetch(`/directory/user/${userId}?manual-groups=true`)).json();
    const cls = u.classe ? `<span class="user-class"> - ${esc(u.classe)}</span>` : '';
    const inactive = u.code ? '<span class="user-inactive">Inactif <i class="fa fa-lock"></i></span>' : '';
    const name = `${esc(u.lastName.toUpperCase())} ${esc(u.firstName)}`;
    const header = VARIANT === 'ode'
      ? `<div class="panel-header" _ngcontent-c20=""><div class="panel-header-info">
        <span class="user-displayname">${name}${cls}</span>
        <span class="badge profile ${esc(u.type)}">${PROFILES[u.type] ?? u.type}</span>${inactive}
      </div></div>`
      : `<h2 class="fiche-titre">${name}${u.classe ? ` - ${esc(u.classe)}` : ''}</h2>${u.code ? '<p>Inactif</p>' : ''}`;
    return `<ode-user-details _nghost-c20="">
      ${header}
      ${section('Identité', [
        field('Profil', `<span>${PROFILES[u.type] ?? u.type}</span>`),
        u.code ? field("Code d'activation", `<span>${esc(u.code)}</span>`) : '',
        field('Identifiant', `<span>${esc(u.id)}</span>`),
        field('Identifiant externe', `<span>${esc(u.externalId)}</span>`),
        field('Source', `<span>${esc(u.source)}</span>`),
        field('Date de création', `<span>${esc(u.created)}</span>`),
      ].join(''))}
      ${section('Connexion', [
        field('Login', `<span>${esc(u.login)}</span>`),
        field('Identifiant personnalisé (Alias)', '<input type="text" name="loginAlias"><button type="button" disabled><i class="fa fa-floppy-o"></i> Enregistrer</button>'),
        field('Courriel', '<input type="email" name="email"><button type="button" disabled>Enregistrer</button>'),
      ].join(''))}
      ${section('Informations administratives', [
        field('Prénom', `<input type="text" name="firstName" value="${esc(u.firstName)}">`),
        field('Nom de famille', `<input type="text" name="lastName" value="${esc(u.lastName)}">`),
        field("Nom d'affichage", `<input type="text" name="displayName" value="${esc(u.displayName)}">`),
        '<button type="button">Enregistrer les modifications</button>',
      ].join(''))}
    </ode-user-details>`;
  }

  function exportPage(structureId) {
    return `<div class="export" _ngcontent-c30="">
      <h2>Exporter des comptes</h2>
      <div class="panel-section-header">Configuration de l'export</div>
      ${field("Type d'export", '<ode-mono-select><div class="form-select lct-form-select"><ul><li class="lct-form-select__options--selected"><strong>Export classique</strong></li></ul></div></ode-mono-select>')}
      ${field('Filtre', '<ode-mono-select><div class="form-select lct-form-select"><ul><li class="lct-form-select__options--selected"><strong>Pas de filtre sur l\'activation</strong></li></ul></div></ode-mono-select>')}
      <button type="button" class="confirm" id="export-btn">Exporter</button>
    </div>`;
  }

  async function render() {
    const { structureId, rest } = route();
    if (!structureId) { root.innerHTML = '<p>Console</p>'; return; }
    if (!VARIANTS.includes(VARIANT)) { root.innerHTML = `<p>Variante inconnue : ${esc(VARIANT)}</p>`; return; }
    if (rest.startsWith('imports-exports/export')) {
      root.innerHTML = shell(structureId, 'export') + '<div class="loading">Chargement…</div>';
      await new Promise((r) => setTimeout(r, 120)); // lazy module
      root.querySelector('.loading').outerHTML = exportPage(structureId);
      root.querySelector('#export-btn').addEventListener('click', () => {
        window.open(`/directory/export/users?format=csv&filterActive=&structureId=${structureId}&type=`);
      });
      return;
    }
    const m = /^users\/list\/(?:([^/]+)\/details|filter)$/.exec(rest);
    if (!m) { root.innerHTML = shell(structureId, 'users') + '<p>Page inconnue</p>'; return; }
    const selected = m[1];
    const list = await loadUsers(structureId);
    // The side layout stays; only the companion (router-outlet) is re-rendered on navigation.
    let layout = root.querySelector('ode-side-layout');
    if (!layout) {
      root.innerHTML = shell(structureId, 'users') + `<h1>Utilisateurs</h1>
        <div class="tabs"><a>Utilisateurs de mon établissement</a> <a>Rechercher dans toutes les structures</a> <a>Utilisateurs non rattachés</a></div>
        <ode-side-layout><div class="side-layout">
          <div class="side-card">
            <button type="button">Créer un utilisateur</button>
            <admin-user-search-input><form class="search-container"><input class="search-input" type="search" name="searchFirstNameTerm" placeholder="Rechercher un utilisateur"><input type="search" name="searchLastNameTerm" hidden></form></admin-user-search-input>
            ${listShell(list.length)}
          </div>
          <div class="side-companion"><router-outlet></router-outlet></div>
        </div></ode-side-layout>`;
      layout = root.querySelector('ode-side-layout');
      const ul = layout.querySelector('.side-card .items');
      ul.addEventListener('click', (e) => {
        const li = e.target.closest('[data-id-for-replica]');
        if (li) navigate(`/admin/${structureId}/users/list/${li.dataset.idForReplica}/details`);
      });
      layout.querySelector('.search-input').addEventListener('input', (e) => {
        const q = e.target.value.toLowerCase();
        ul.innerHTML = list.filter((u) => `${u.lastName} ${u.firstName}`.toLowerCase().includes(q)).map((u) => userItem(u, selected)).join('') || NO_RESULTS[VARIANT];
      });
    }
    // Infinite-scroll lists re-render their items; so does this one.
    layout.querySelector('.side-card .items').innerHTML = list.map((u) => userItem(u, selected)).join('');
    const companion = layout.querySelector('.side-companion');
    companion.innerHTML = '<router-outlet></router-outlet>';
    if (selected) {
      await new Promise((r) => setTimeout(r, 80)); // lazy module
      companion.insertAdjacentHTML('beforeend', await details(structureId, selected));
    }
  }

  document.addEventListener('click', (e) => {
    const a = e.target.closest('a[data-link]');
    if (!a) return;
    e.preventDefault();
    navigate(a.getAttribute('href'));
  });
  window.addEventListener('popstate', render);
  render();
})();
