<?php
     	$title = "rep";
        include 'head.php';
?>

	<h1>Heriot-Watt MACS PhD Christmas Conference 2017</h1>
<h4>Friday 1st December 2017, 1415-1745 </H4>
<h4>Heriot-Watt Univesity, Edinburgh Campus </h4>
<h4>Colin Maclaurin Building, CMG.01 (The McMillan Lecture Room).</h4>
<br>
<h3>About: </h3>
<p>This annual conference is an opportunity for people from the three departments (AMS, CS, and Maths) to get together, listen to some seminars, and generally promote inter-departmental relations. </p>
<p>If you want to attend, please do pass on this intent onto me, Lewis, as your school-wide MACS PGR rep (ls68@hw.ac.uk), so we can at least have a rough estimate of the numbers. This isn't necessary if you're going to turn up, but it would be much appreciated! </p>
<br>
<h3>Hosts/Organisers:</h3>
<p>- <a href="http://www.macs.hw.ac.uk/~ls68/">Lewis Sharpe</a> (MACS School-wide / Computer Science PGR Rep 2017/2018); </p>
<p>- <a href="http://www.maths.ed.ac.uk/school-of-mathematics/people?person=552">Jakub Stocek</a> (Maths/AMS PGR Rep 2017/2018); </p>	
<br>
<h3>Speakers:</h3>
<style type="text/css">
.tg  {border-collapse:collapse;border-spacing:0;}
.tg td{font-family:Arial, sans-serif;font-size:14px;padding:10px 5px;border-style:solid;border-width:1px;overflow:hidden;word-break:normal;}
.tg th{font-family:Arial, sans-serif;font-size:14px;font-weight:normal;padding:10px 5px;border-style:solid;border-width:1px;overflow:hidden;word-break:normal;}
.tg .tg-2s1i{background-color:#fd6864;vertical-align:top}
.tg .tg-h1ue{background-color:#3166ff;vertical-align:top}
.tg .tg-589f{background-color:#f56b00;vertical-align:top}
</style>
<table class="tg" style="undefined;table-layout: fixed; width: 645px">
<colgroup>
<col style="width: 108px">
<col style="width: 278px">
<col style="width: 151px">
<col style="width: 108px">
</colgroup>
  <tr>
    <th class="tg-tibu"></th>
    <th class="tg-tibu">Actuarial Mathematics &amp; Statistics</th>
    <th class="tg-tibu">Computer Science</th>
    <th class="tg-tibu">Mathematics</th>
  </tr>
  <tr>
    <td class="tg-tibu">Academic Staff:</td>
    <td class="tg-2s1i""><a href= "http://www.macs.hw.ac.uk/~mp71/about.html">Assist. Prof Marcelo Pereya </a></td>
    <td class="tg-h1ue"><a href= "http://www.macs.hw.ac.uk/~sbs/homepage/main/Welcome.html">Prof. Sven-Bodo Scholz </a></td>
    <td class="tg-589f"><a href= "http://www.macs.hw.ac.uk/~robertw/">Assoc. Prof Robert Weston </a></td>
  </tr>
  <tr>
    <td class="tg-tibu">PhD Student:</td>
    <td class="tg-2s1i""><a href="https://www.researchgate.net/profile/Francesco_Ungolo"> Francesco Ungolo</a></td>
    <td class="tg-h1ue"><a href="http://www.macs.hw.ac.uk/~hz103/"> Hua Zhao (Bobby)</a></td>
    <td class="tg-589f"><a href= "http://www.maxwell.ac.uk/migsaa/people/lukas-eigentler"> Lukas Eigentler</a></td>
  </tr>
</table>
<br>
<h3>Timetable: </h3>
<style type="text/css">
.tg  {border-collapse:collapse;border-spacing:0;}
.tg td{font-family:Arial, sans-serif;font-size:14px;padding:10px 5px;border-style:solid;border-width:1px;overflow:hidden;word-break:normal;}
.tg th{font-family:Arial, sans-serif;font-size:14px;font-weight:normal;padding:10px 5px;border-style:solid;border-width:1px;overflow:hidden;word-break:normal;}
.tg .tg-pdro{font-weight:bold;background-color:#009901;text-align:center;vertical-align:top}
.tg .tg-tibu{font-weight:bold;background-color:#009901;vertical-align:top}
.tg .tg-y0xi{background-color:#32cb00;vertical-align:top}
</style>
<table class="tg" style="undefined;table-layout: fixed; width: 637px">
<colgroup>
<col style="width: 129px">
<col style="width: 330px">
<col style="width: 178px">
</colgroup>
  <tr>
    <th class="tg-tibu">Time</th>
    <th class="tg-tibu">Speaker</th>
    <th class="tg-tibu">Title</th>
  </tr>
  <tr>
    <td class="tg-tibu">14:15</td>
    <td class="tg-h1ue"><a href="http://www.macs.hw.ac.uk/~hz103/">Hua Zhao (Bobby)</a></td>
    <td class="tg-y0xi"><b>Advance gender prediction tool of first names and
its use in analysing gender disparity in Computer
Science in the UK, Malaysia and China</b><br><p>Abstract can be found <a href= "http://www.macs.hw.ac.uk/~ls68/abs_hua.php">here</a>. </p></td>
  </tr>
  <tr>
    <td class="tg-tibu">14:45</td>
    <td class="tg-2s1i"><a href="https://www.researchgate.net/profile/Francesco_Ungolo"> Francesco Ungolo</a></td>
    <td class="tg-y0xi"><b>Joint survival analysis of multiple pension schemes</b><br><p>Abstract can be found <a href= "http://www.macs.hw.ac.uk/~ls68/abs_francesco.php">here</a>. </p></td>
  </tr>
  <tr>
    <td class="tg-tibu">15:15</td>
    <td class="tg-589f"><a href= "http://www.macs.hw.ac.uk/~robertw/">Assoc. Prof Robert Weston </a></td>
    <td class="tg-y0xi"><b>Balls, Boxes and Surfing to Glasgow</b><br><p>Abstract can be found <a href= "http://www.macs.hw.ac.uk/~ls68/abs_robert.php">here</a>. </p></td>
  </tr>
  <tr>
    <td class="tg-tibu">15:45</td>
    <td class="tg-pdro" colspan="2">Snacks!</td>
  </tr>
  <tr>
    <td class="tg-tibu">16:15</td>
    <td class="tg-2s1i"><a href= "http://www.macs.hw.ac.uk/~mp71/about.html">Assist. Prof Marcelo Pereya </a></td>
      <td class="tg-y0xi"><b>Bayesian analysis and computation for convex imaging problems: theory, methods, and algorithms</b><br><p>Abstract can be found <a href= "http://www.macs.hw.ac.uk/~ls68/abs_marcelo.php">here</a>. </p></b><br></td>
  </tr>
  <tr>
    <td class="tg-tibu">16:45</td>
    <td class="tg-589f"><a href= "http://www.maxwell.ac.uk/migsaa/people/lukas-eigentler"> Lukas Eigentler</a></td>
    <td class="tg-y0xi"><b>How Does Long-Range Dispersal Affect Pattern Formation in Semi-Arid Vegetation?</b><br><p>Abstract can be found <a href= "http://www.macs.hw.ac.uk/~ls68/abs_lukas.php">here</a>. </p></td>
  </tr>
  <tr>
    <td class="tg-tibu">17:15</td>
    <td class="tg-h1ue"><a href= "http://www.macs.hw.ac.uk/~sbs/homepage/main/Welcome.html">Prof. Sven-Bodo Scholz </a></td>
    <td class="tg-y0xi"><b>“What is an algorithm, please? or Why (parallel) programming is so hard!”</b><br><p>Abstract can be found <a href= "http://www.macs.hw.ac.uk/~ls68/abs_bodo.php">here</a>. </p></td>
  </tr>
  <tr>
    <td class="tg-tibu">17:45 onwards</td>
    <td class="tg-pdro" colspan="2">Post-conference food and drinks in MACS Common Room<br>(may continue on The Union Bar if the numbers do warrant it)!</td>
  </tr>
</table>
<br>
<h3>Acknowledgements: </h3>
<p>Primarily, we would to thank all speakers giving up their time to talk and participate at the conference and share their levels of expertise with us. </p>
<p>Secondly, we would like to express our sincere gratitude and appreciation to the following MACS members who assisted us in some way in arranging the conference: June Maxwell, Derek Davis, Nadia Taou, Professor Beatrice Pelloni, Claire Porter, and Iain McCrone. </p>
<?php
     	include 'foot.php';
?>

