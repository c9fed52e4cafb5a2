// natural ships no declarations for its individual stop-word files; its util index loads database drivers.
declare module 'natural/lib/natural/util/stopwords_fr' {
  export const words: string[];
}
declare module 'natural/lib/natural/util/stopwords' {
  export const words: string[];
}
