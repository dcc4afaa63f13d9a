export { parseFeed } from './parse-feed.ts';
export { parseFeedDate } from './feed-dates.ts';
export { htmlToText } from './feed-text.ts';
export { FeedParseError, type FeedFormat, type FeedItem, type ParsedFeed, type ParseFeedOptions } from './types.ts';
