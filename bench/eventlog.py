#!/usr/bin/env python3
"""Reads a Spark event log (plain or .zstd) and prints, per job group and per stage, where the time
went and how evenly rows were spread over tasks. Used by jobs/bench.sh.

  eventlog.py LOG_DIR_OR_FILE summary   -> JSON: app seconds, jobs, seconds per job group and
                                           per job description, stages with task counts and the
                                           largest and mean rows per task
"""
import glob, json, os, subprocess, sys, collections


def lines(path):
    files = []
    if os.path.isdir(path):
        files = sorted(f for f in glob.glob(os.path.join(path, '**', '*'), recursive=True)
                       if os.path.isfile(f) and 'appstatus' not in f)
    else:
        files = [path]
    for f in files:
        if f.endswith('.zstd'):
            data = subprocess.run(['zstd', '-dc', f], capture_output=True, check=True).stdout
            text = data.decode('utf-8')
        else:
            text = open(f, encoding='utf-8').read()
        for l in text.splitlines():
            if l.strip():
                yield json.loads(l)


def summary(path):
    jobs, stage_job, stage_name, tasks = {}, {}, {}, collections.defaultdict(list)
    t0 = t1 = None
    for e in lines(path):
        ev = e['Event']
        if ev == 'SparkListenerApplicationStart':
            t0 = e['Timestamp']
        elif ev == 'SparkListenerApplicationEnd':
            t1 = e['Timestamp']
        elif ev == 'SparkListenerJobStart':
            p = e.get('Properties') or {}
            jobs[e['Job ID']] = {'start': e['Submission Time'], 'end': None,
                                 'group': p.get('spark.jobGroup.id', ''),
                                 'desc': p.get('spark.job.description', '')}
            for s in e.get('Stage IDs', []):
                stage_job[s] = e['Job ID']
        elif ev == 'SparkListenerJobEnd':
            jobs[e['Job ID']]['end'] = e['Completion Time']
        elif ev == 'SparkListenerStageCompleted':
            info = e['Stage Info']
            stage_name[info['Stage ID']] = info.get('Stage Name', '')
        elif ev == 'SparkListenerTaskEnd':
            m = e.get('Task Metrics') or {}
            rows = (m.get('Input Metrics', {}).get('Records Read', 0)
                    + m.get('Shuffle Read Metrics', {}).get('Total Records Read', 0))
            tasks[e['Stage ID']].append(rows)
    groups = collections.defaultdict(float)
    descs = collections.defaultdict(float)
    for j in jobs.values():
        if j['end'] is None:
            continue
        d = (j['end'] - j['start']) / 1000
        groups[j['group']] += d
        descs[(j['group'], j['desc'])] += d
    stages = []
    for s, rows in tasks.items():
        if not rows:
            continue
        j = jobs.get(stage_job.get(s), {})
        mean = sum(rows) / len(rows)
        stages.append({'stage': s, 'group': j.get('group', ''), 'desc': j.get('desc', ''),
                       'name': stage_name.get(s, ''), 'tasks': len(rows), 'rows': sum(rows),
                       'max_rows': max(rows), 'mean_rows': mean})
    return {'app_seconds': (t1 - t0) / 1000 if t0 and t1 else None, 'jobs': len(jobs),
            'groups': dict(groups),
            'descriptions': [{'group': g, 'desc': d, 'seconds': v} for (g, d), v in descs.items()],
            'stages': stages}


if __name__ == '__main__':
    print(json.dumps(summary(sys.argv[1])))
