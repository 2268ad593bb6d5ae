#!/usr/bin/env python3
"""Builds the parser fixture corpus from other parsers' public test data (names and the fields
their tests assert; never their code). Reads the repositories with `git show` from local mirrors:

    extract.py --sonarr DIR --radarr DIR --lidarr DIR --guessit DIR --ptn DIR --out Tests/Fixtures/parser

Each DIR is a git directory (a bare mirror is fine). Writes tuning.jsonl and holdout.jsonl: one
case a line, {"name", "kind", "source", "expect": {field: value}}. The split is by a salted SHA-1
of the name (20% holdout), so it never changes when cases are added. How each suite's conventions
map onto ours is in ../NOTE.md; this script is that mapping.
"""
import argparse, hashlib, json, re, subprocess, sys, os
from collections import OrderedDict

HOLDOUT_SALT = "lcars-parser-holdout-1"

def git_show(repo, path):
    return subprocess.run(["git", "--git-dir", repo, "show", "HEAD:" + path], check=True,
                          capture_output=True).stdout.decode("utf-8", "replace")

def git_ls(repo, prefix):
    out = subprocess.run(["git", "--git-dir", repo, "ls-tree", "-r", "--name-only", "HEAD", prefix],
                         check=True, capture_output=True).stdout.decode()
    return [l for l in out.splitlines() if l]

# ---------------------------------------------------------------- C# [TestCase(...)] reading

def read_cs_args(text, i):
    """Reads a C# argument list starting after '(' at i; returns (args, index after ')')."""
    args, cur, depth = [], [], 0
    n = len(text)
    while i < n:
        c = text[i]
        if c == '@' and i + 1 < n and text[i + 1] == '"':
            j = i + 2; s = []
            while j < n:
                if text[j] == '"' and j + 1 < n and text[j + 1] == '"': s.append('"'); j += 2; continue
                if text[j] == '"': break
                s.append(text[j]); j += 1
            cur.append(('str', ''.join(s))); i = j + 1; continue
        if c == '"':
            j = i + 1; s = []
            while j < n and text[j] != '"':
                if text[j] == '\\':
                    e = text[j + 1]
                    if e == 'u': s.append(chr(int(text[j + 2:j + 6], 16))); j += 6; continue
                    s.append({'n': '\n', 't': '\t', 'r': '\r', '0': '\0'}.get(e, e)); j += 2; continue
                s.append(text[j]); j += 1
            cur.append(('str', ''.join(s))); i = j + 1; continue
        if c in '({[': depth += 1
        if c in ')}]':
            if depth == 0:
                args.append(cur); return [finish_arg(a) for a in args if a], i + 1
            depth -= 1
        if c == ',' and depth == 0:
            args.append(cur); cur = []; i += 1; continue
        cur.append(('raw', c)); i += 1
    raise ValueError("unterminated")

def finish_arg(parts):
    strs = [p[1] for p in parts if p[0] == 'str']
    raw = ''.join(p[1] for p in parts if p[0] == 'raw').strip()
    if strs and raw.replace('+', '').strip() == '':
        return ''.join(strs)
    if '=' in raw and not strs and re.match(r'^\w+\s*=', raw):
        return ('named', raw)
    if strs and re.match(r'^\w+\s*=', raw):
        return ('named', raw)
    if raw.startswith('new'):
        return [int(x) for x in re.findall(r'-?\d+', raw.split('{', 1)[1])] if '{' in raw else []
    if raw == 'null': return None
    if raw in ('true', 'false'): return raw == 'true'
    if re.fullmatch(r'-?\d+', raw): return int(raw)
    if re.fullmatch(r'-?\d+\.\d+[mdf]?', raw): return float(raw.rstrip('mdf'))
    return ('raw', raw)

TESTCASE = re.compile(r'\[TestCase\(')
METHOD = re.compile(r'public\s+void\s+(\w+)\s*\(([^)]*)\)')

def cs_cases(text):
    """(method, [param names], [args]) for each [TestCase] in a C# file."""
    out, pending, i = [], [], 0
    while True:
        m_tc = TESTCASE.search(text, i)
        m_me = METHOD.search(text, i)
        if m_me is None: break
        if m_tc is not None and m_tc.start() < m_me.start():
            # skip commented-out lines
            line_start = text.rfind('\n', 0, m_tc.start()) + 1
            if text[line_start:m_tc.start()].strip().startswith('//'):
                i = m_tc.end(); continue
            try:
                args, j = read_cs_args(text, m_tc.end())
            except Exception:
                i = m_tc.end(); continue
            pending.append([a for a in args if not (isinstance(a, tuple) and a[0] == 'named')])
            i = j; continue
        params = [p.strip().split()[-1] for p in m_me.group(2).split(',') if p.strip()]
        params = [p.split('=')[0].strip() for p in params]
        for a in pending: out.append((m_me.group(1), params, a))
        pending = []
        i = m_me.end()
    return out

# ---------------------------------------------------------------- our conventions

RES_HINT = re.compile(r'(?i)(\d{3,4}\s*[pi]\b|\d{3,4}[pi]|\d{3,4}\s*[x×]\s*\d{3,4}|\b4k\b|uhd|2160|1080|720|480|576|540|360)')
YEAR_TAIL = re.compile(r'^(.*?)[\s.]*\(?((?:19|20)\d\d)\)?$')

def split_title_year(title, name):
    """Sonarr keeps a year in the series title ("Series Title 2010"); ours reads it as the year."""
    m = YEAR_TAIL.match(title or "")
    if m and m.group(1).strip() and m.group(2) in name:
        return m.group(1).strip(), int(m.group(2))
    return title, None

ARR_SOURCES = {
    'sdtv': ('hdtv', None), 'dvd': ('dvd', None), 'dvdr': ('dvd', None), 'ts': ('cam', None), 'cam': ('cam', None),
    'webdl': ('webdl', None), 'webrip': ('webrip', None), 'hdtv': ('hdtv', None), 'bluray': ('bluray', None),
    'remux': ('bluray', True), 'brdisk': ('bluray', None), 'raw': ('hdtv', None),
}
QUAL_METHOD = re.compile(r'should_parse_(sdtv|dvdr|dvd|webdl|webrip|hdtv|bluray|remux|brdisk|raw|ts|cam)_?(\d{3,4}p)?(_remux)?(?:_as_bluray(\d{3,4}p))?_quality$')
QUAL_METHOD2 = re.compile(r'should_parse_(ts|cam|remux)(\d{3,4}p)?(?:_as_bluray(\d{3,4}p))?(?:_quality)?$')

def bucket(res):
    return {'480p': '480p', '576p': '480p', '720p': '720p', '1080p': '1080p', '2160p': '2160p'}.get(res)

def arr_quality(method, name):
    m = QUAL_METHOD.match(method) or QUAL_METHOD2.match(method)
    if not m: return None
    kind = m.group(1)
    res = m.group(2)
    src, remux = ARR_SOURCES[kind]
    if m.re is QUAL_METHOD and m.group(3): remux = True
    exp = {'source': src}
    if remux: exp['remux'] = True
    if kind in ('sdtv', 'dvd', 'dvdr') and res is None: res = '480p'
    if res and RES_HINT.search(name): exp['quality'] = bucket(res)
    return exp

def sonarr_radarr(repo, suite, kind):
    cases = []
    base = 'src/NzbDrone.Core.Test/ParserTests/'
    for path in git_ls(repo, base):
        if not path.endswith('.cs') or '/ParsingServiceTests/' in path: continue
        text = git_show(repo, path)
        fname = path.rsplit('/', 1)[1]
        for method, params, args in cs_cases(text):
            if len(args) < 1 or not isinstance(args[0], str): continue
            exp = map_arr(suite, fname, method, params, args)
            if exp is None: continue
            cases.append(case(args[0] if 'releaseName' not in params or 'filename' not in params else args[1],
                              kind, f"{suite}:{path}#{method}", exp))
    return cases

def map_arr(suite, fname, method, params, args):
    v = dict(zip(params, args))
    name = args[0]
    if not params: return None
    if method.startswith('should_not') or method.startswith('should_fail') or 'hash' in method: return None
    if fname == 'QualityParserFixture.cs' or fname == 'ExtendedQualityParserRegex.cs':
        if suite == 'lidarr': return None
        if fname != 'QualityParserFixture.cs': return None
        return arr_quality(method, name)
    if 'ReleaseGroupParserFixture' in fname or 'SubGroupParserFixture' in fname:
        if 'expected' not in v: return None
        return {'group': v['expected']}
    exp = {}
    t = v.get('title') if params[0] != 'title' else None
    if method in ('should_parse_series_name',) :
        return {'title_key': v['title']}
    if method == 'should_parse_series_title_info':
        return {'title': v['titleWithoutYear'], 'year': v.get('year') or None}
    if method in ('should_parse_movie_title', 'should_parse_movie_folder_name', 'should_parse_anime_movie_title',
                  'should_parse_anime_movie_title_without_year', 'should_parse_german_movie'):
        exp['title'] = v['title']
        if v.get('year'): exp['year'] = v['year']
        if v.get('releaseGroup'): exp['group'] = v['releaseGroup']
        return exp
    if method == 'should_parse_movie_year':
        return {'year': v['year']}
    if method in ('should_parse_single_episode', 'should_parse_japanese_variety_show_format', 'should_parse_split_episode',
                  'should_parse_decimal_number_as_special', 'should_parse_multiple_episodes', 'should_parse_mini_series_episode',
                  'should_parse_absolute_numbers', 'should_parse_absolute_specials', 'should_parse_multi_episode_absolute_numbers',
                  'should_parse_anime_season_packs', 'should_parse_full_season_release', 'should_parse_season_extras',
                  'should_parse_season_subpack', 'should_parse_partial_season_release', 'should_parse_multi_season_release',
                  'should_parse_daily_episode', 'should_parse_daily_episode_with_multiple_parts',
                  'should_parse_daily_episode_using_short_month_format', 'should_parse_chinese_anime_releases',
                  'should_parse_chinese_anime_season_episode_releases', 'should_parse_unbracketed_chinese_anime_releases',
                  'should_parse_chinese_multiepisode_releases', 'should_parse_gm_team_releases_and_files',
                  'should_parse_unicode_digits', 'should_parse_false_positive_chinese_anime_releases',
                  'should_parse_full_season_releases', 'should_parse_multi_episode_release',
                  'should_parse_korean_series_episode'):
        if t is not None:
            title, year = split_title_year(t, name) if suite == 'sonarr' else (t, None)
            exp['title'] = title
            if year: exp['year'] = year
        season = v.get('seasonNumber', v.get('season', v.get('firstSeason')))
        if 'episodeNumber' in v and v['episodeNumber']:
            exp['episodes'] = [v['episodeNumber']]
            if season is not None: exp['season'] = season
            elif method == 'should_parse_mini_series_episode': exp['season'] = 1
        if 'episodes' in v and isinstance(v['episodes'], list):
            exp['episodes'] = v['episodes']
            if season is not None: exp['season'] = season
        if 'absoluteEpisodeNumber' in v and isinstance(v['absoluteEpisodeNumber'], int):
            exp['absolute_episodes'] = [v['absoluteEpisodeNumber']]
            if season: exp['season'] = season
        if 'absoluteEpisodeNumbers' in v: exp['absolute_episodes'] = v['absoluteEpisodeNumbers']
        if 'firstAbsoluteEpisodeNumber' in v:
            exp['absolute_episodes'] = list(range(v['firstAbsoluteEpisodeNumber'], v['lastAbsoluteEpisodeNumber'] + 1))
        if method in ('should_parse_full_season_release', 'should_parse_anime_season_packs', 'should_parse_multi_season_release',
                      'should_parse_full_season_releases'):
            exp['season'] = season; exp['full_season'] = True
        if method in ('should_parse_season_extras', 'should_parse_season_subpack', 'should_parse_partial_season_release'):
            exp['season'] = season
        if 'year' in v and 'month' in v:
            exp['air_date'] = f"{v['year']:04d}-{v['month']:02d}-{v['day']:02d}"
        g = v.get('subgroup', v.get('subGroup', v.get('releaseGroup')))
        if g: exp['group'] = g
        return exp or None
    if suite == 'lidarr':
        if method == 'should_parse_artist_name_and_album_title':
            exp = {'artist': v['name'], 'album': v['title']}
            if v.get('discography'): exp['discography'] = True
            return exp
        if method == 'should_parse_artist_name':
            return {'artist': v['title']}
    return None

LIDARR_QUALITY = {
    'mp3_96': ('mp3', 96), 'mp3_128': ('mp3', 128), 'mp3_160': ('mp3', 160), 'mp3_192': ('mp3', 192), 'mp3_256': ('mp3', 256),
    'mp3_320': ('mp3', 320), 'mp3_vbr_v0': ('mp3', 'V0'), 'mp3_vbr_v2': ('mp3', 'V2'), 'flac': ('flac', None),
    'flac_24bit': ('flac', 24), 'wma': ('wma', None), 'wav': ('wav', None), 'alac': ('alac', None), 'ape': ('ape', None),
    'wavpack': ('wavpack', None), 'aac_256': ('aac', 256), 'aac_320': ('aac', 320), 'aac_vbr': ('aac', None),
    'vorbis_q10': ('ogg', None), 'vorbis_q9': ('ogg', None), 'vorbis_q8': ('ogg', None), 'vorbis_q7': ('ogg', None),
    'vorbis_q6': ('ogg', None), 'vorbis_q5': ('ogg', None),
}

def lidarr(repo):
    cases = sonarr_radarr(repo, 'lidarr', 'music')
    path = 'src/NzbDrone.Core.Test/ParserTests/QualityParserFixture.cs'
    for method, params, args in cs_cases(git_show(repo, path)):
        m = re.fullmatch(r'should_parse_(.+)_quality', method)
        if not m or m.group(1) not in LIDARR_QUALITY or not args or not args[0]: continue
        fmt, extra = LIDARR_QUALITY[m.group(1)]
        exp = {'audio_format': fmt}
        name = args[0]
        if isinstance(extra, str): exp['vbr_preset'] = extra
        elif extra == 24: exp['bit_depth'] = 24
        elif extra and re.search(r'(?<!\d)%d(?!\d)' % extra, name): exp['bitrate'] = extra
        cases.append(case(name, 'music', f"lidarr:{path}#{method}", exp))
    return cases

# ---------------------------------------------------------------- guessit

G_SOURCE = {
    'Blu-ray': 'bluray', 'Ultra HD Blu-ray': 'bluray', 'HD-DVD': 'bluray', 'Web': 'webdl', 'HDTV': 'hdtv', 'Ultra HDTV': 'hdtv',
    'Digital TV': 'hdtv', 'TV': 'hdtv', 'Satellite': 'hdtv', 'Video on Demand': 'hdtv', 'Pay-per-view': 'hdtv',
    'Analog HDTV': 'hdtv', 'DVD': 'dvd', 'VHS': 'dvd', 'Camera': 'cam', 'HD Camera': 'cam', 'Telesync': 'cam',
    'HD Telesync': 'cam', 'Telecine': 'cam', 'HD Telecine': 'cam', 'Workprint': 'cam',
}
G_CODEC = {'H.264': 'x264', 'H.265': 'x265', 'Xvid': 'XviD', 'DivX': 'DivX', 'AV1': 'AV1', 'VP9': 'VP9', 'MPEG-2': 'MPEG2', 'VC-1': 'VC-1'}

def listify(v): return v if isinstance(v, list) else [v]

def guessit_map(name, d, default_type):
    typ = d.get('type', default_type)
    exp = {}
    if 'title' in d and isinstance(d['title'], str): exp['title'] = d['title']
    if 'year' in d and isinstance(d['year'], int): exp['year'] = d['year']
    if 'season' in d:
        s = listify(d['season'])
        if all(isinstance(x, int) for x in s):
            exp['season'] = s[0]
            if len(s) > 1: exp['seasons'] = s
    if 'episode' in d:
        e = listify(d['episode'])
        if all(isinstance(x, int) for x in e):
            if 'season' in d: exp['episodes'] = e
            else: exp['absolute_episodes'] = e
    if 'absolute_episode' in d:
        exp['absolute_episodes'] = listify(d['absolute_episode'])
    if 'date' in d and typ == 'episode': exp['air_date'] = str(d['date'])
    if 'screen_size' in d and isinstance(d['screen_size'], str):
        ss = d['screen_size']
        if re.fullmatch(r'\d{3,4}[pi]', ss): exp['resolution'] = ss
        elif ss == '4K': exp['resolution'] = '2160p'
        elif re.fullmatch(r'\d{3,4}x\d{3,4}', ss):
            w = int(ss.split('x')[0])
            exp['quality'] = '2160p' if w >= 3200 else '1080p' if w >= 1700 else '720p' if w >= 1200 else '480p'
    if 'source' in d and isinstance(d['source'], str) and d['source'] in G_SOURCE:
        src = G_SOURCE[d['source']]
        other = listify(d.get('other', []))
        if src == 'webdl' and 'Rip' in other: src = 'webrip'
        exp['source'] = src
        if 'Remux' in other: exp['remux'] = True
    if 'video_codec' in d and d['video_codec'] in G_CODEC: exp['codec'] = G_CODEC[d['video_codec']]
    if 'release_group' in d and isinstance(d['release_group'], str): exp['group'] = our_group(d['release_group'])
    kind = 'episode' if typ == 'episode' else 'movie'
    return kind, exp

def guessit(repo):
    import yaml
    cases = []
    for f in ['guessit/test/movies.yml', 'guessit/test/episodes.yml', 'guessit/test/various.yml', 'guessit/test/streaming_services.yaml']:
        data = yaml.safe_load(git_show(repo, f))
        default = (data.get('__default__') or {}).get('type', 'episode' if 'episodes' in f else 'movie')
        for name, d in data.items():
            if name == '__default__' or not isinstance(d, dict): continue
            if d.get('options'): continue   # names that need a hint we do not have (-t, -n, --name-only...)
            name = str(name)
            if name[:1] in '+-': continue
            kind, exp = guessit_map(name, d, default)
            if exp: cases.append(case(name, kind, f"guessit:{f}", exp))
    return cases

# ---------------------------------------------------------------- parse-torrent-name

P_SOURCE = {'hdtv': 'hdtv', 'pdtv': 'hdtv', 'dsr': 'hdtv', 'brrip': 'bluray', 'bdrip': 'bluray', 'bluray': 'bluray',
            'hdrip': 'webrip', 'web-dl': 'webdl', 'webdl': 'webdl', 'webrip': 'webrip', 'dvdrip': 'dvd', 'dvdscr': 'dvd',
            'dvd': 'dvd', 'cam': 'cam', 'ts': 'cam', 'hdcam': 'cam', 'telesync': 'cam', 'hdts': 'cam', 'web': 'webdl'}
P_CODEC = {'x264': 'x264', 'h264': 'x264', 'h.264': 'x264', 'x265': 'x265', 'h265': 'x265', 'hevc': 'x265', 'xvid': 'XviD', 'divx': 'DivX'}

def ptn(repo):
    names = json.loads(git_show(repo, 'tests/files/input.json'))
    outs = json.loads(git_show(repo, 'tests/files/output.json'))
    cases = []
    for name, d in zip(names, outs):
        exp = {}
        if 'title' in d: exp['title'] = d['title']
        if 'year' in d: exp['year'] = d['year']
        if 'season' in d: exp['season'] = d['season']
        if 'episode' in d:
            if 'season' in d: exp['episodes'] = listify(d['episode'])
            else: exp['absolute_episodes'] = listify(d['episode'])
        if 'resolution' in d and re.fullmatch(r'\d{3,4}[pi]', d['resolution'].lower()): exp['resolution'] = d['resolution'].lower()
        if 'quality' in d and d['quality'].lower() in P_SOURCE: exp['source'] = P_SOURCE[d['quality'].lower()]
        if 'codec' in d and d['codec'].lower() in P_CODEC: exp['codec'] = P_CODEC[d['codec'].lower()]
        if 'group' in d: exp['group'] = our_group(d['group'])
        kind = 'episode' if 'season' in d or 'episode' in d else 'movie'
        cases.append(case(name, kind, 'parse-torrent-name:tests/files/output.json', exp))
    return cases

def our_group(g):
    """guessit and parse-torrent-name keep a distributor's tag glued to the group ("W4F[PRiME]");
    ours drops it (it is not who made the release)."""
    m = re.fullmatch(r'([^\[\]]+?)\s*\[[^\]]*\]', g)
    return m.group(1) if m else g

# ---------------------------------------------------------------- output

def case(name, kind, source, exp):
    return OrderedDict(name=name, kind=kind, source=source, expect=exp)

def is_holdout(name):
    h = hashlib.sha1((HOLDOUT_SALT + name).encode()).digest()
    return int.from_bytes(h[:4], 'big') % 5 == 0

def main():
    ap = argparse.ArgumentParser()
    for s in ['sonarr', 'radarr', 'lidarr', 'guessit', 'ptn']: ap.add_argument('--' + s, required=True)
    ap.add_argument('--out', required=True)
    a = ap.parse_args()
    cases = (sonarr_radarr(a.sonarr, 'sonarr', 'episode') + sonarr_radarr(a.radarr, 'radarr', 'movie') + lidarr(a.lidarr)
             + guessit(a.guessit) + ptn(a.ptn))
    # One case per (source file, name, kind): expectations from several tests of the same name merge.
    merged = OrderedDict()
    for c in cases:
        if not c['name'].strip() or not c['expect']: continue
        key = (c['source'].split('#')[0], c['name'], c['kind'])
        if key in merged:
            for k, v in c['expect'].items(): merged[key]['expect'].setdefault(k, v)
        else: merged[key] = c
    tune, hold = [], []
    for c in merged.values():
        (hold if is_holdout(c['name']) else tune).append(c)
    for fname, rows in (('tuning.jsonl', tune), ('holdout.jsonl', hold)):
        with open(os.path.join(a.out, fname), 'w') as f:
            for c in rows: f.write(json.dumps(c, ensure_ascii=False, sort_keys=False) + '\n')
    print(f"{len(tune)} tuning + {len(hold)} holdout cases", file=sys.stderr)

if __name__ == '__main__':
    main()
