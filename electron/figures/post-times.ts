import type { Db } from '../db/open';

/**
 * The post times an analytics import carried (wentworth "Usage Policy":
 * posts normally 8am to 6pm, Monday to Friday), kept with the figures entry
 * the import made: deleting the entry deletes them, and merging entries
 * keeps them with the merged one. Dates and times are London's.
 */
export interface PostRow {
  date: string;
  time: string;
  text: string;
}

/** Call inside the transaction that saved the figures entry. */
export function addPostTimes(db: Db, figuresId: number, posts: readonly PostRow[]): void {
  const insert = db.prepare(
    'INSERT INTO post_times (figures_id, posted_on, posted_time, post_text) VALUES (?, ?, ?, ?)',
  );
  for (const post of posts) insert.run(figuresId, post.date, post.time, post.text);
}

/** Moves the post times of entries merged into another; call before the merged entries are deleted. */
export function movePostTimes(db: Db, fromIds: readonly number[], toId: number): void {
  const move = db.prepare('UPDATE post_times SET figures_id = ? WHERE figures_id = ?');
  for (const id of fromIds) move.run(toId, id);
}

/** The post times kept with these figures entries, in the order they went out. */
export function postTimesOf(db: Db, figuresIds: readonly number[]): PostRow[] {
  if (figuresIds.length === 0) return [];
  const rows = db
    .prepare(
      `SELECT posted_on AS date, posted_time AS time, post_text AS text FROM post_times
       WHERE figures_id IN (${figuresIds.map(() => '?').join(', ')}) ORDER BY posted_on, posted_time, id`,
    )
    .all(...figuresIds) as PostRow[];
  return rows;
}
