export { feedRouter, type FeedRouterOptions } from './feeds.router';
export { renderAtom, ATOM_NAMESPACE, type AtomFeed, type AtomEntry } from './atom';
export { companyAtomFeed, FEED_ENTRIES } from './company-feed';
