// OpenCC's character table ships as an ES module whose default export is "繁 简|繁 简|…".
declare module 'opencc-js/dict/TSCharacters' {
  const table: string;
  export default table;
}
